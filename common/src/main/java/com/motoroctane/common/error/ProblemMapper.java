package com.motoroctane.common.error;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * The one exception mapper every service uses: everything leaves as application/problem+json. Client
 * mistakes keep their 4xx; anything unexpected is logged with its stack and answered with a 500 that
 * leaks nothing.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        return render(failure, uriInfo, headers);
    }

    /**
     * The problem+json answer for {@code failure}. Public for a service's own, more specific mappers
     * (which a framework may consult before this catch-all), so every error keeps one shape.
     */
    public static Response render(Throwable failure, UriInfo uriInfo, HttpHeaders headers) {
        Problem problem = toProblem(failure, uriInfo, headers);
        if (problem.status() >= 500) {
            LOG.errorf(failure, "Unhandled failure on %s (request %s)", problem.instance(), problem.requestId());
        }
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(problem);
        if (failure instanceof ProblemException p && p.retryAfterSeconds() > 0) {
            response.header("Retry-After", Long.toString(p.retryAfterSeconds()));
        } else if (problem.status() == 503) {
            response.header("Retry-After", "5");
        }
        if (failure instanceof NotAllowedException notAllowed) {
            String allow = notAllowed.getResponse().getHeaderString("Allow");
            if (allow != null) {
                response.header("Allow", allow);
            }
        }
        return response.build();
    }

    Problem toProblem(Throwable failure) {
        return toProblem(failure, uriInfo, headers);
    }

    static Problem toProblem(Throwable failure, UriInfo uriInfo, HttpHeaders headers) {
        String instance = safe(() -> uriInfo.getPath());
        String requestId = safe(() -> headers.getHeaderString(REQUEST_ID_HEADER));
        if (failure instanceof ProblemException p) {
            return new Problem(p.type(), p.title(), p.status(), p.getMessage(), instance, p.parameter(), requestId);
        }
        // before the generic 4xx: a JSON reader may wrap its parse failure in a plain 400
        if (isClientJsonError(failure) && (!(failure instanceof WebApplicationException web)
                || web.getResponse().getStatus() == 400)) {
            return new Problem(Problem.TYPE_BASE + "malformed-body", "Malformed request body", 400,
                    "The request body is not valid JSON: " + firstLine(failure.getMessage()), instance, "body", requestId);
        }
        if (failure instanceof NotFoundException) {
            return new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404,
                    "No resource at this path", instance, null, requestId);
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            String title = web.getResponse().getStatusInfo().getReasonPhrase();
            return new Problem(Problem.TYPE_BASE + "http-" + status, title, status,
                    web.getMessage() == null ? title : web.getMessage(), instance, null, requestId);
        }
        return new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "The request could not be completed; it has been logged", instance, null, requestId);
    }

    private static boolean isClientJsonError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String safe(java.util.function.Supplier<String> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
