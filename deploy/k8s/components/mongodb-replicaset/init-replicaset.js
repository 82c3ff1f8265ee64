// Run by the mongodb-rs-init Job against mongodb-0 as the root user (mongosh). Idempotent.
const members = [0, 1, 2].map(i => ({ _id: i, host: `mongodb-${i}.mongodb:27017` }));

let status;
try {
  status = rs.status();
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') throw e;
  print('initiating rs0 with ' + members.map(m => m.host).join(', '));
  rs.initiate({ _id: 'rs0', members });
}

// wait for a primary (an election takes a few seconds)
for (let i = 0; i < 120; i++) {
  if (db.hello().isWritablePrimary) break;
  sleep(1000);
}
if (!db.hello().isWritablePrimary) {
  // mongodb-0 lost the election: the Job is retried; users are created on whichever member is primary then
  throw new Error('mongodb-0 is not the primary yet: ' + JSON.stringify(db.hello().primary));
}

// one user per service, least privilege (the services' QUARKUS_MONGODB_CREDENTIALS_USERNAME)
const app = 'motoroctane';
const adminDb = db.getSiblingDB('admin');
// catalog-service only reads, but ensures its indexes at start (store/IndexInstaller)
const indexer = { role: 'motoroctane-indexer', privileges: [{ resource: { db: app, collection: '' }, actions: ['createIndex'] }], roles: [] };
if (adminDb.getRole(indexer.role)) {
  adminDb.updateRole(indexer.role, { privileges: indexer.privileges, roles: [] }, { w: 'majority' });
} else {
  adminDb.createRole(indexer, { w: 'majority' });
}
const users = {
  'catalog-service': { pwd: process.env.CATALOG_PASSWORD, roles: [{ role: 'read', db: app }, { role: 'motoroctane-indexer', db: 'admin' }] },
  'admin-service': { pwd: process.env.ADMIN_PASSWORD, roles: [{ role: 'readWrite', db: app }] },
  'media-service': { pwd: process.env.MEDIA_PASSWORD, roles: [{ role: 'readWrite', db: app }] },
  // mongodump --oplog needs to read every database; restore uses the root user (deploy/BACKUP.md)
  'backup': { pwd: process.env.BACKUP_PASSWORD, roles: [{ role: 'backup', db: 'admin' }] },
};
for (const [user, spec] of Object.entries(users)) {
  if (!spec.pwd) throw new Error('no password for ' + user + ' in the mongodb-users Secret');
  if (adminDb.getUser(user)) {
    adminDb.updateUser(user, { pwd: spec.pwd, roles: spec.roles }, { w: 'majority' });
    print('updated ' + user);
  } else {
    adminDb.createUser({ user, pwd: spec.pwd, roles: spec.roles }, { w: 'majority' });
    print('created ' + user);
  }
}
