package com.motoroctane.admin.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Hibernate Validator constraints for catalogue values, checked property by property with
 * {@code Validator.validateValue} once {@link InputReader} has fixed each value's JSON type.
 */
public final class Constraints {

    /**
     * The one rule for every URL field (logos, images, gallery, colour images, brochures, …): an absolute
     * http(s) URL with a host, or a site-relative path such as {@code /uploads/x.webp} that starts with a
     * single {@code /}. Browsers read {@code //host}, {@code /\host} and {@code \\host} as another site, so a
     * second {@code /} or any backslash is refused; so are other schemes (javascript:, data:), whitespace of
     * any kind, control characters and the characters that end an HTML attribute.
     */
    public static final String URL = "^(?:(?i:https?)://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
            + "(?:[/?#][^\\\\\\s\\p{Z}\\p{Cntrl}<>\"'`]*)?"
            + "|/(?![/\\\\])[^\\\\\\s\\p{Z}\\p{Cntrl}<>\"'`]*)$";

    /** The ranking of a brand created when every ranked place was taken: sorts after all of them. */
    public static final int UNRANKED = 1000;

    @Positive(message = "must be greater than 0")
    @DecimalMax(value = "99999999.99", message = "must be below 10 crore rupees")
    Double price;

    @Pattern(regexp = URL, message = "must be an http(s) URL or a path starting with /")
    @Size(max = 2000)
    String url;

    /** 1..50 are the ranked places (available-rankings); the writer gives {@link #UNRANKED} when all are taken. */
    @Min(1) @Max(UNRANKED)
    Integer ranking;

    @Min(1) @Max(20)
    Integer seating;

    @Min(0) @Max(100_000)
    Integer rank;

    private Constraints() {
    }

    public record Image(@NotBlank @Pattern(regexp = URL, message = "must be an http(s) URL or a path starting with /")
                        @Size(max = 2000) String url,
                        @Size(max = 300) String caption) {
    }

    public record Faq(@NotBlank @Size(max = 500) String question, @NotBlank @Size(max = 20_000) String answer) {
    }

    public record EngineSummary(@Size(max = 200) String title, @Size(max = 20_000) String summary,
                                @Size(max = 200) String transmission, @Size(max = 200) String power,
                                @Size(max = 200) String torque, @Size(max = 200) String speed) {
    }

    public record Mileage(@Size(max = 200) String engineName, @Size(max = 200) String companyClaimed,
                          @Size(max = 200) String cityRealWorld, @Size(max = 200) String highwayRealWorld) {
    }

    /** Whole lists, so nested violations come back with their index ({@code faqs[2].answer}). */
    public record Images(@NotNull @Size(max = 100) List<@Valid Image> items) {
    }
}
