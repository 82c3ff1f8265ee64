package com.motoroctane.admin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;

/** Account management: super_admin only. Accounts are deactivated, never deleted (the audit log names them). */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SUPER_ADMIN)
@Blocking
public class UserResource {

    @RegisterForReflection
    public record NewUser(String email, String password, String name, String role) {
    }

    @RegisterForReflection
    public record UserChange(String name, String role, Boolean isActive) {
    }

    private final AdminUsers users;
    private final Tokens tokens;
    /** Account bodies are read strictly: a field we do not know is a 400 naming it, not silently dropped. */
    private final ObjectReader newUser;
    private final ObjectReader userChange;

    public UserResource(AdminUsers users, Tokens tokens, ObjectMapper json) {
        this.users = users;
        this.tokens = tokens;
        this.newUser = json.readerFor(NewUser.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.userChange = json.readerFor(UserChange.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @GET
    public Map<String, Object> list() {
        List<Map<String, Object>> all = users.list();
        return Map.of("data", all);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode json) throws IOException {
        NewUser body = read(newUser, json);
        if (body.email() == null || body.email().isBlank()) {
            throw ProblemException.badParameter("email", "is required");
        }
        if (body.password() == null) {
            throw ProblemException.badParameter("password", "is required");
        }
        return Response.status(201).entity(AdminUsers.view(users.create(body.email(), body.password(), body.name(),
                body.role() == null ? Role.EDITOR : body.role()))).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode json) throws IOException {
        UserChange body = read(userChange, json);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (body.name() != null) {
            changes.put("name", body.name());
        }
        if (body.role() != null) {
            if (!Role.valid(body.role())) {
                throw ProblemException.badParameter("role", "must be one of super_admin, admin, editor");
            }
            changes.put("role", body.role());
        }
        if (body.isActive() != null) {
            changes.put("isActive", body.isActive());
        }
        users.update(id, changes);
        // a new role needs no new session: every request is authorised by the role the account has now
        if (Boolean.FALSE.equals(changes.get("isActive"))) {
            tokens.revokeUser(id, null);
        }
        return AdminUsers.view(users.byId(id));
    }

    private static <T> T read(ObjectReader reader, JsonNode json) throws IOException {
        if (json == null || !json.isObject()) {
            throw ProblemException.badParameter("body", "must be a JSON object");
        }
        return reader.readValue(json);
    }

    @DELETE
    @Path("/{id}")
    public Response deactivate(@PathParam("id") String id) {
        users.update(id, Map.of("isActive", false));
        tokens.revokeUser(id, null);
        return Response.noContent().build();
    }
}
