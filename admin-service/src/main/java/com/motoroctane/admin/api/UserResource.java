package com.motoroctane.admin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.motoroctane.admin.auth.AdminUsers;
import com.motoroctane.admin.auth.Role;
import com.motoroctane.admin.auth.Tokens;
import com.motoroctane.common.error.ProblemException;

import io.smallrye.common.annotation.Blocking;

/** Account management: super_admin only. Accounts are deactivated, never deleted (the audit log names them). */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SUPER_ADMIN)
@Blocking
public class UserResource {

    public record NewUser(String email, String password, String name, String role) {
    }

    public record UserChange(String name, String role, Boolean isActive) {
    }

    private final AdminUsers users;
    private final Tokens tokens;

    public UserResource(AdminUsers users, Tokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GET
    public Map<String, Object> list() {
        List<Map<String, Object>> all = users.list();
        return Map.of("data", all);
    }

    @POST
    public Response create(NewUser body) {
        if (body == null || body.email() == null || body.name() == null || body.name().isBlank()) {
            throw ProblemException.badParameter("email", "email, password, name and role are required");
        }
        return Response.status(201).entity(AdminUsers.view(users.create(body.email(), body.password(), body.name(),
                body.role() == null ? Role.EDITOR : body.role()))).build();
    }

    @PATCH
    @Path("/{id}")
    public Map<String, Object> update(@PathParam("id") String id, UserChange body) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (body != null && body.name() != null) {
            changes.put("name", body.name());
        }
        if (body != null && body.role() != null) {
            if (!Role.valid(body.role())) {
                throw ProblemException.badParameter("role", "must be one of super_admin, admin, editor");
            }
            changes.put("role", body.role());
        }
        if (body != null && body.isActive() != null) {
            changes.put("isActive", body.isActive());
        }
        users.update(id, changes);
        if (changes.containsKey("role") || Boolean.FALSE.equals(changes.get("isActive"))) {
            tokens.revokeUser(id, null);
        }
        return AdminUsers.view(users.byId(id));
    }

    @DELETE
    @Path("/{id}")
    public Response deactivate(@PathParam("id") String id) {
        users.update(id, Map.of("isActive", false));
        tokens.revokeUser(id, null);
        return Response.noContent().build();
    }
}
