package com.motoroctane.compare.spec;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.motoroctane.compare.spec.Unit.Family;

/**
 * Reads the number out of a stored spec value ("113 bhp @ 6300 rpm", "₹ 10.5 Lakh", "5-star") and
 * converts it into the canonical unit of its family.
 *
 * <p>It refuses rather than guesses: what is left after taking off the decorations it knows (a
 * currency sign, a trailing "(...)" note, an "@ ... rpm" clause, a "0-100 km/h in" lead-in, a
 * trailing "*" or "/-") must be exactly one number and one known unit of an accepted family.
 * Ranges ("17.4-19.2 kmpl"), two quantities ("45 litres + 60 litres CNG"), words ("Not Available",
 * "Yes"), decimal commas ("17,4") and units of another family are refused. A bare number is taken
 * only for families whose unit it cannot be mistaken in (not power, torque, time or efficiency),
 * and, written as text, not when it is too small for the family's unit (see {@link #MIN_BARE}).
 * A stored Number is a bare number too (prices are stored as Numbers of rupees). It never throws.
 */
public final class SpecNumbers {

    /** Longer text is prose, not a spec value; refusing it also bounds the regex work. */
    private static final int MAX_LENGTH = 120;

    /**
     * Below these a bare number was most likely written in another unit, so it is refused: "10.5" as a
     * price is lakh, "5.2" as a length is metres (a turning radius), "1.5" as displacement is litres.
     */
    private static final Map<Family, Double> MIN_BARE = Map.of(
            Family.MONEY, 10_000.0, Family.LENGTH, 100.0, Family.DISPLACEMENT, 100.0);

    /** 1497, 1497.5, .5, 1,497 (thousands) and 10,50,000 (Indian lakh grouping). */
    private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d+)?"
            + "|\\d+(?:\\.\\d+)?|\\.\\d+";
    private static final Pattern QUANTITY = Pattern.compile("^(" + NUMBER + ")\\s*-?\\s*([^0-9]*)$");
    private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\(([^()]*)\\)$");
    private static final Pattern RPM = Pattern.compile("(?:\\s*@|\\s+at)\\s*\\d[\\d.,\\s-]*(?:rpm)?$");
    private static final Pattern ZERO_TO_100 = Pattern.compile("^0\\s*-\\s*100\\s*(?:km/h|kmph|kph)?\\s*(?:in\\b|:)?\\s*");
    private static final Pattern CURRENCY = Pattern.compile("^(?:₹|rs\\.?|inr)\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");

    private static final Set<Family> BARE_ALLOWED = EnumSet.of(Family.DISPLACEMENT, Family.LENGTH, Family.VOLUME,
            Family.MASS, Family.MONEY, Family.RATING, Family.COUNT, Family.SPEED, Family.ENERGY, Family.SIZE,
            Family.RANGE);

    private record Scale(Unit unit, double factor) {
    }

    /** Unit text as written (lower case, single spaces) to what it means. */
    private static final Map<String, Scale> UNITS = units();

    private SpecNumbers() {
    }

    /** The stored value as a quantity of {@code expected}'s family, or empty when that cannot be said safely. */
    public static Optional<Quantity> parse(Object stored, Family expected) {
        return expected == null ? Optional.empty() : parse(stored, EnumSet.of(expected));
    }

    /**
     * The stored value as a quantity of one of the {@code accepted} families (a mileage field accepts
     * kmpl, km/kg and range), or empty. A bare number is accepted only when one family is.
     */
    public static Optional<Quantity> parse(Object stored, Set<Family> accepted) {
        if (stored == null || accepted == null || accepted.isEmpty()) {
            return Optional.empty();
        }
        if (stored instanceof Number n) {
            return bare(n.doubleValue(), accepted, false);
        }
        if (!(stored instanceof CharSequence cs)) {
            return Optional.empty();
        }
        String text = normalise(cs.toString());
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        text = stripDecorations(text);
        boolean currency = false;
        Matcher cur = CURRENCY.matcher(text);
        if (cur.find()) {
            currency = true;
            text = text.substring(cur.end());
        }
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double number;
        try {
            number = new BigDecimal(m.group(1).replace(",", "")).doubleValue();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String unitText = unitText(m.group(2));
        if (unitText.isEmpty()) {
            if (currency) {
                return accepted.contains(Family.MONEY) ? bare(number, EnumSet.of(Family.MONEY), true) : Optional.empty();
            }
            return bare(number, accepted, true);
        }
        Scale scale = UNITS.get(unitText);
        if (scale == null || !accepted.contains(scale.unit().family()) || (currency && scale.unit() != Unit.RUPEE)) {
            return Optional.empty();
        }
        return checked(number * scale.factor(), scale.unit());
    }

    /**
     * The "(...)" notes at the end of a stored value, lower case, without spaces, each ended by ';':
     * "10-80%,50kwdc;" for "57 min (10-80%, 50 kW DC)"; empty when there are none or the value is not text.
     */
    static String conditions(Object stored) {
        if (!(stored instanceof CharSequence cs)) {
            return "";
        }
        String text = normalise(cs.toString());
        if (text.length() > MAX_LENGTH) {
            return "";
        }
        StringBuilder notes = new StringBuilder();
        Matcher m = TRAILING_NOTE.matcher(text);
        while (m.find()) {
            notes.insert(0, m.group(1).replace(" ", "") + ";");
            text = text.substring(0, m.start());
            m = TRAILING_NOTE.matcher(text);
        }
        return notes.toString();
    }

    private static String normalise(String raw) {
        String t = raw.replace('\u00a0', ' ').replace('”', '"').replace('″', '"');
        t = DASHES.matcher(t).replaceAll("-");
        return SPACES.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Takes off, until nothing changes, what may trail or lead a quantity without changing it. */
    private static String stripDecorations(String text) {
        String t = text;
        String before;
        do {
            before = t;
            if (t.endsWith("*")) {
                t = t.substring(0, t.length() - 1);
            } else if (t.endsWith("/-")) {
                t = t.substring(0, t.length() - 2);
            }
            t = TRAILING_NOTE.matcher(t).replaceFirst("");
            t = RPM.matcher(t).replaceFirst("");
            t = t.trim();
        } while (!t.equals(before));
        return ZERO_TO_100.matcher(t).replaceFirst("").trim();
    }

    private static String unitText(String raw) {
        String t = raw.trim().replace(" / ", "/").replace("/ ", "/").replace(" /", "/");
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        return t;
    }

    private static Optional<Quantity> bare(double number, Set<Family> accepted, boolean fromText) {
        if (accepted.size() != 1) {
            return Optional.empty();
        }
        Family family = accepted.iterator().next();
        if (!BARE_ALLOWED.contains(family)) {
            return Optional.empty();
        }
        if (fromText && number < MIN_BARE.getOrDefault(family, 0.0)) {
            return Optional.empty();
        }
        return checked(number, family.canonical());
    }

    private static Optional<Quantity> checked(double value, Unit unit) {
        if (!Double.isFinite(value) || value < 0) {
            return Optional.empty();
        }
        if (unit == Unit.COUNT && value != Math.rint(value)) {
            return Optional.empty();
        }
        if (unit == Unit.STAR && value > 5) {
            return Optional.empty();
        }
        return Optional.of(new Quantity(value, unit));
    }

    private static Map<String, Scale> units() {
        Map<String, Scale> m = new HashMap<>();
        add(m, Unit.BHP, 1, "bhp", "hp");
        add(m, Unit.BHP, 0.98632, "ps", "metric hp");
        add(m, Unit.BHP, 1.34102, "kw");
        add(m, Unit.NM, 1, "nm", "n-m", "n m", "newton metre", "newton meter");
        add(m, Unit.NM, 9.80665, "kgm", "kg-m", "kg m", "kgfm", "kgf-m", "kgf m");
        add(m, Unit.NM, 1.35582, "lb-ft", "lbft", "lb ft");
        add(m, Unit.KMPL, 1, "kmpl", "km/l", "km/litre", "km/liter", "km per litre", "km per liter");
        add(m, Unit.KM_PER_KG, 1, "km/kg", "kmpkg", "km per kg");
        add(m, Unit.KM_RANGE, 1, "km", "kms", "km/full charge", "km per full charge", "km on full charge",
                "km/charge", "km per charge");
        add(m, Unit.CC, 1, "cc", "cm3", "cm³");
        add(m, Unit.MM, 1, "mm");
        add(m, Unit.MM, 10, "cm");
        add(m, Unit.MM, 1000, "m", "metre", "metres", "meter", "meters", "mtr", "mtrs");
        add(m, Unit.LITRE, 1, "l", "litre", "litres", "liter", "liters", "ltr", "ltrs", "lt");
        add(m, Unit.KG, 1, "kg", "kgs", "kilogram", "kilograms");
        add(m, Unit.RUPEE, 1, "rupees", "rs", "inr");
        add(m, Unit.RUPEE, 100_000, "lakh", "lakhs", "lac", "lacs");
        add(m, Unit.RUPEE, 10_000_000, "crore", "crores", "cr");
        add(m, Unit.STAR, 1, "star", "stars", "star rating");
        add(m, Unit.COUNT, 1, "airbag", "airbags", "speaker", "speakers", "tweeter", "tweeters", "subwoofer",
                "subwoofers", "seat", "seats", "seater", "door", "doors", "speed", "gear", "gears", "port",
                "ports", "zone", "zones", "nos", "units");
        add(m, Unit.SECONDS, 1, "s", "sec", "secs", "second", "seconds");
        add(m, Unit.SECONDS, 60, "min", "mins", "minute", "minutes");
        add(m, Unit.SECONDS, 3600, "h", "hr", "hrs", "hour", "hours");
        add(m, Unit.KMPH, 1, "km/h", "kmph", "kph", "km/hr");
        add(m, Unit.KWH, 1, "kwh");
        add(m, Unit.INCH, 1, "inch", "inches", "in", "\"");
        return Map.copyOf(m);
    }

    private static void add(Map<String, Scale> m, Unit unit, double factor, String... spellings) {
        for (String s : spellings) {
            if (m.put(s, new Scale(unit, factor)) != null) {
                throw new IllegalStateException("unit spelling '" + s + "' listed twice");
            }
        }
    }
}
