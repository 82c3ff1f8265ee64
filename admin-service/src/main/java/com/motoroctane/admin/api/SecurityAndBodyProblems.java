package com.motoroctane.admin.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.motoroctane.admin.auth.CurrentAccountAugmentor;
import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.error.ProblemMapper;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The failures Quarkus would answer with an empty body through its own, more specific mappers (security
 * and Jackson), answered as problem+json in the one shape {@link ProblemMapper} gives everything else.
 */
public class SecurityAndBodyProblems {

    private static final String NOT_AUTHENTICATED = "A valid access token is required (Authorization: Bearer, or the token cookie)";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException failure, UriInfo uri, HttpHeaders headers) {
        String detail = failure instanceof AuthenticationFailedException failed
                && failed.getAttribute(CurrentAccountAugmentor.REFUSED) != null
                ? failed.getAttribute(CurrentAccountAugmentor.REFUSED) : NOT_AUTHENTICATED;
        return Response.fromResponse(ProblemMapper.render(
                        new ProblemException(401, "unauthorized", "Unauthorized", detail, null), uri, headers))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(ForbiddenException failure, UriInfo uri, HttpHeaders headers) {
        return ProblemMapper.render(new ProblemException(403, "forbidden", "Forbidden",
                "The account's current role does not allow this", null), uri, headers);
    }

    /** Valid JSON with a field of the wrong type or shape, or a field we do not know: name the field. */
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class})
    public Response wrongType(JsonMappingException failure, UriInfo uri, HttpHeaders headers) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return ProblemMapper.render(ProblemException.badParameter(unknown.getPropertyName(),
                    "is not a known field"), uri, headers);
        }
        String field = fieldPath(failure);
        return ProblemMapper.render(ProblemException.badParameter(field, failure.getPath().isEmpty()
                ? "the body has the wrong JSON shape" : "has the wrong JSON type or shape"), uri, headers);
    }

    /** Not JSON at all. */
    @ServerExceptionMapper(JsonProcessingException.class)
    public Response malformed(JsonProcessingException failure, UriInfo uri, HttpHeaders headers) {
        if (failure instanceof JsonMappingException mapping) {
            return wrongType(mapping, uri, headers);
        }
        return ProblemMapper.render(failure, uri, headers);
    }

    /** {@code name}, {@code items[2].price}: where Jackson was when the value did not fit. */
    static String fieldPath(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : failure.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
