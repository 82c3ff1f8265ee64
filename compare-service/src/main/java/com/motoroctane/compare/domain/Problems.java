package com.motoroctane.compare.domain;

import com.motoroctane.common.error.ProblemException;

/** The 404s compare-service answers, each naming the parameter that held the unknown id. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException notFound(String what, String key, String parameter) {
        return new ProblemException(404, "not-found", what + " not found",
                what + " '" + key + "' does not exist or is not active (parameter '" + parameter + "')", parameter);
    }
}
