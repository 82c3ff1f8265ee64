package com.motoroctane.admin.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.bson.Document;

import com.motoroctane.admin.audit.AuditLog;
import com.motoroctane.admin.auth.Role;
import com.motoroctane.common.api.Page;
import com.motoroctane.common.error.ProblemException;

import io.smallrye.common.annotation.Blocking;

/** {@code GET /api/admin/audit?user=&entity=&from=&to=&page=&limit=}, newest first. */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.SUPER_ADMIN})
@Blocking
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public Page<Document> search(@QueryParam("user") String user, @QueryParam("entity") String entity,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("page") @DefaultValue("1") String pageText,
                                 @QueryParam("limit") @DefaultValue("20") String limitText) {
        Paging paging = Paging.of(pageText, limitText);
        return audit.search(user, entity, time("from", from), time("to", to), paging.page(), paging.limit());
    }

    private static Date time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Date.from(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
