package com.motoroctane.compare.domain;

/** Parameter names the domain reports in its problems (the API parses them). */
public final class CompareParameters {

    public static final String VARIANT_OVERRIDE_PREFIX = "variant.";

    private CompareParameters() {
    }

    public static String override(String modelId) {
        return VARIANT_OVERRIDE_PREFIX + modelId;
    }
}
