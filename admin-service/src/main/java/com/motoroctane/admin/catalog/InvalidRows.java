package com.motoroctane.admin.catalog;

import java.util.List;
import java.util.stream.Collectors;

import com.motoroctane.common.error.ProblemException;

/** Some rows of a batch are invalid, so none of it was written; every row error is listed. */
public class InvalidRows extends ProblemException {

    private static final int IN_DETAIL = 20;

    private final transient List<RowError> errors;

    public InvalidRows(int rows, List<RowError> errors) {
        super(400, "invalid-rows", "Invalid rows", detail(rows, errors), errors.get(0).where());
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }

    private static String detail(int rows, List<RowError> errors) {
        long bad = errors.stream().map(RowError::index).distinct().count();
        String listed = errors.stream().limit(IN_DETAIL).map(RowError::toString).collect(Collectors.joining("; "));
        return bad + " of " + rows + " rows are invalid, so nothing was written: " + listed
                + (errors.size() > IN_DETAIL ? "; and " + (errors.size() - IN_DETAIL) + " more (see errors)" : "");
    }
}
