package com.motoroctane.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The devstack folder holds dev secrets (connection strings with the Redis password, the cursor key,
 * the first admin's password, the token signing key), so it is private to its owner: the folder 0700,
 * every secret file 0600 from the moment it exists (written to a private temporary file, then moved),
 * and files a previous version left readable by others are tightened on every start.
 */
final class DevFiles {

    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DevFiles() {
    }

    /** Creates the folder if needed and makes it and the secrets in it owner-only. */
    static void prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (!POSIX) {
            return; // not a POSIX file system; the folder is git-ignored either way
        }
        Files.setPosixFilePermissions(dir, OWNER_DIR);
        try (DirectoryStream<Path> secrets = Files.newDirectoryStream(dir, "*.{env,pem}")) {
            for (Path file : secrets) {
                if (Files.isRegularFile(file)) {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
                }
            }
        }
    }

    /** {@code KEY=value} lines, in order; an absent file is empty. */
    static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    static void writeEnv(Path file, Map<String, String> values) throws IOException {
        StringBuilder text = new StringBuilder("# written by devstack; do not commit\n");
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        writeSecret(file, text.toString());
    }

    /** Writes atomically, the file never readable by others, not even for a moment. */
    static void writeSecret(Path file, String text) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(partial);
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        Files.createFile(partial, attributes);
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
