package com.motoroctane.compare.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.motoroctane.compare.spec.Unit.Family;

/** Real-world stored spec strings, what each must read as, and what must be refused. */
class SpecNumbersTest {

    private static final Set<Family> MILEAGE = EnumSet.of(Family.FUEL_EFFICIENCY, Family.GAS_EFFICIENCY, Family.RANGE);

    static Stream<Arguments> readable() {
        return Stream.of(
                // power: bhp, PS, hp and kW all end up in bhp; the rpm clause is not a second number
                ok("113 bhp @ 6300 rpm", Family.POWER, Unit.BHP, 113),
                ok("118.35 PS @ 6000rpm", Family.POWER, Unit.BHP, 116.73),
                ok("118.35PS@6000rpm", Family.POWER, Unit.BHP, 116.73),
                ok("88.5 kW", Family.POWER, Unit.BHP, 118.68),
                ok("150 hp", Family.POWER, Unit.BHP, 150),
                ok("113 bhp (83 kW)", Family.POWER, Unit.BHP, 113),
                ok("113 bhp at 6300 rpm", Family.POWER, Unit.BHP, 113),
                // torque
                ok("250 Nm @ 1500-2750 rpm", Family.TORQUE, Unit.NM, 250),
                ok("250 Nm @ 1500–2750 rpm", Family.TORQUE, Unit.NM, 250),
                ok("25.5 kgm", Family.TORQUE, Unit.NM, 250.07),
                ok("25.5 kgm @ 1750 rpm", Family.TORQUE, Unit.NM, 250.07),
                // displacement, thousands separators
                ok("1,497 cc", Family.DISPLACEMENT, Unit.CC, 1497),
                ok("1497", Family.DISPLACEMENT, Unit.CC, 1497),
                ok("1497cc", Family.DISPLACEMENT, Unit.CC, 1497),
                // efficiency and range stay three families
                ok("17.4 kmpl", Family.FUEL_EFFICIENCY, Unit.KMPL, 17.4),
                ok("17.4 kmpl (ARAI)", MILEAGE, Unit.KMPL, 17.4),
                ok("20.1 km/l", MILEAGE, Unit.KMPL, 20.1),
                ok("26.6 km/kg", MILEAGE, Unit.KM_PER_KG, 26.6),
                ok("452 km", MILEAGE, Unit.KM_RANGE, 452),
                ok("452 km/full charge", Family.RANGE, Unit.KM_RANGE, 452),
                ok("452 km per charge (MIDC)", Family.RANGE, Unit.KM_RANGE, 452),
                ok("452", Family.RANGE, Unit.KM_RANGE, 452),
                // money
                ok("₹ 10.5 Lakh", Family.MONEY, Unit.RUPEE, 1_050_000),
                ok("Rs. 1.2 Crore", Family.MONEY, Unit.RUPEE, 12_000_000),
                ok("₹10,50,000", Family.MONEY, Unit.RUPEE, 1_050_000),
                ok("Rs 10,50,000/-", Family.MONEY, Unit.RUPEE, 1_050_000),
                ok("10.5 lakh*", Family.MONEY, Unit.RUPEE, 1_050_000),
                ok("₹1.05 Crore (ex-showroom)", Family.MONEY, Unit.RUPEE, 10_500_000),
                ok("1,050,000", Family.MONEY, Unit.RUPEE, 1_050_000),
                ok(1050000, Family.MONEY, Unit.RUPEE, 1_050_000),
                ok(1050000L, Family.MONEY, Unit.RUPEE, 1_050_000),
                ok(new BigDecimal("1050000.00"), Family.MONEY, Unit.RUPEE, 1_050_000),
                // stars and counts
                ok("5 Star", Family.RATING, Unit.STAR, 5),
                ok("5-star", Family.RATING, Unit.STAR, 5),
                ok("4 Stars (Global NCAP)", Family.RATING, Unit.STAR, 4),
                ok("6 Airbags", Family.COUNT, Unit.COUNT, 6),
                ok("6", Family.COUNT, Unit.COUNT, 6),
                ok("0", Family.COUNT, Unit.COUNT, 0),
                ok("6-Speed", Family.COUNT, Unit.COUNT, 6),
                ok(6, Family.COUNT, Unit.COUNT, 6),
                // volume, length, mass
                ok("382 litres", Family.VOLUME, Unit.LITRE, 382),
                ok("382 L", Family.VOLUME, Unit.LITRE, 382),
                ok("45 Litres", Family.VOLUME, Unit.LITRE, 45),
                ok("190 mm", Family.LENGTH, Unit.MM, 190),
                ok("190", Family.LENGTH, Unit.MM, 190),
                ok("3,995 mm", Family.LENGTH, Unit.MM, 3995),
                ok("5.2 m", Family.LENGTH, Unit.MM, 5200),
                ok("5.2 metres", Family.LENGTH, Unit.MM, 5200),
                ok("1,180 kg", Family.MASS, Unit.KG, 1180),
                // time, speed, energy, size
                ok("10.5 seconds", Family.TIME, Unit.SECONDS, 10.5),
                ok("9.8 s", Family.TIME, Unit.SECONDS, 9.8),
                ok("0-100 in 9.8 s", Family.TIME, Unit.SECONDS, 9.8),
                ok("0-100 km/h in 9.8 sec", Family.TIME, Unit.SECONDS, 9.8),
                ok("10.5 s (0-100 kmph)", Family.TIME, Unit.SECONDS, 10.5),
                ok("57 min (10-80%, 50 kW DC)", Family.TIME, Unit.SECONDS, 3420),
                ok("8 h (0-100%, 3.3 kW AC)", Family.TIME, Unit.SECONDS, 28800),
                ok("180 km/h", Family.SPEED, Unit.KMPH, 180),
                ok("180 kmph", Family.SPEED, Unit.KMPH, 180),
                ok("30 kWh", Family.ENERGY, Unit.KWH, 30),
                ok("40.5 kWh", Family.ENERGY, Unit.KWH, 40.5),
                ok("17 inch", Family.SIZE, Unit.INCH, 17),
                ok("10.25-inch", Family.SIZE, Unit.INCH, 10.25),
                ok("17\"", Family.SIZE, Unit.INCH, 17),
                ok("  113\u00a0BHP  ", Family.POWER, Unit.BHP, 113));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                no("17.4 kmpl", Family.POWER),                 // unit of another family
                no("26.6 km/kg", Family.FUEL_EFFICIENCY),      // km/kg is not kmpl
                no("452 km", Family.FUEL_EFFICIENCY),          // range is not kmpl
                no("17.4", MILEAGE),                           // bare number, three families possible
                no("113", Family.POWER),                       // bare power: bhp, PS or kW?
                no("250", Family.TORQUE),
                no("17.4-19.2 kmpl", Family.FUEL_EFFICIENCY),  // a range, not one value
                no("₹ 10.5 - 12.3 Lakh", Family.MONEY),
                no("10.5", Family.MONEY),                      // rupees or lakh?
                no("₹ 10.5", Family.MONEY),
                no("45 litres + 60 litres CNG (water equivalent)", Family.VOLUME),
                no("1 h 30 min", Family.TIME),
                no("17,4 kmpl", Family.FUEL_EFFICIENCY),       // decimal comma
                no("1,00 cc", Family.DISPLACEMENT),            // broken grouping
                no("Not Available", Family.POWER),
                no("NA", Family.COUNT),
                no("-", Family.COUNT),
                no("", Family.LENGTH),
                no("   ", Family.LENGTH),
                no("Yes", Family.COUNT),
                no("Optional", Family.COUNT),
                no("Not Tested", Family.RATING),
                no("6 Star", Family.RATING),                   // above the scale
                no("6.5 Airbags", Family.COUNT),               // counts are whole
                no("-5 mm", Family.LENGTH),
                no("1.5 L", Family.DISPLACEMENT),              // litres are a label, not a displacement
                no("1.5", Family.DISPLACEMENT),                // bare litres
                no("5.2", Family.LENGTH),                      // bare metres
                no("6-Speed Manual", Family.COUNT),
                no("Rs. 12 kmpl", Family.FUEL_EFFICIENCY),     // currency sign on a non-price
                no("Rs. 1050000", Family.COUNT),
                no("approx 17 kmpl", Family.FUEL_EFFICIENCY),
                no("17 kmpl onwards", Family.FUEL_EFFICIENCY),
                no("5 Star", Family.COUNT),
                no(Double.NaN, Family.MONEY),
                no(Double.POSITIVE_INFINITY, Family.MONEY),
                no(Boolean.TRUE, Family.COUNT),
                no(List.of("6"), Family.COUNT),
                no(Map.of("value", 6), Family.COUNT),
                no(null, Family.COUNT),
                no("113 bhp", Set.of()),
                no("9".repeat(400) + " mm", Family.LENGTH));
    }

    @ParameterizedTest(name = "{0} as {1} is {3} {2}")
    @MethodSource("readable")
    void readsTheCanonicalValue(Object stored, Set<Family> accepted, Unit unit, double value) {
        Optional<Quantity> q = SpecNumbers.parse(stored, accepted);
        assertTrue(q.isPresent(), () -> "'" + stored + "' was refused");
        assertEquals(unit, q.get().unit());
        assertEquals(value, q.get().value(), Math.max(0.01, value * 1e-4), () -> "'" + stored + "'");
    }

    @ParameterizedTest(name = "{0} as {1} is refused")
    @MethodSource("refused")
    void refusesWhatCannotBeReadSafely(Object stored, Set<Family> accepted) {
        assertEquals(Optional.empty(), SpecNumbers.parse(stored, accepted), () -> "'" + stored + "'");
    }

    @Test
    void theTableIsAsLargeAsPromised() {
        assertTrue(readable().count() >= 40);
        assertTrue(refused().count() >= 10);
    }

    @Test
    void singleFamilyOverloadAgreesWithTheSetOne() {
        assertEquals(SpecNumbers.parse("88.5 kW", EnumSet.of(Family.POWER)), SpecNumbers.parse("88.5 kW", Family.POWER));
        assertEquals(Optional.empty(), SpecNumbers.parse("88.5 kW", (Family) null));
    }

    @Test
    void neverThrowsOnJunk() {
        String[] pieces = {"1", "2", "9", "0", ".", ",", "-", " ", "@", "(", ")", "₹", "rs.", "kmpl", "km/kg", "km",
                "bhp", "ps", "kw", "nm", "kgm", "lakh", "crore", "star", "/", "\"", "*", "/-", "0-100", "in", "rpm",
                "\u00a0", "–", "x", "é", "\\", "$", "^", "[", "]"};
        Random random = new Random(20261202);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int j = 0; j < len; j++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            inputs.add(sb.toString());
            char[] raw = new char[random.nextInt(30)];
            for (int j = 0; j < raw.length; j++) {
                raw[j] = (char) random.nextInt(0x3000);
            }
            inputs.add(new String(raw));
        }
        int parsed = 0;
        for (String s : inputs) {
            for (Family f : Family.values()) {
                Optional<Quantity> q = SpecNumbers.parse(s, f);
                if (q.isPresent()) {
                    parsed++;
                    assertTrue(Double.isFinite(q.get().value()) && q.get().value() >= 0, s);
                    assertEquals(f, q.get().family(), s);
                }
            }
            SpecNumbers.parse(s, EnumSet.allOf(Family.class));
            SpecNumbers.conditions(s);
        }
        // the junk did reach the number reader, not only the early refusals
        assertTrue(parsed > 0);
    }

    @Test
    void conditionsAreTheTrailingNotes() {
        assertEquals("10-80%,50kwdc;", SpecNumbers.conditions("57 min (10-80%, 50 kW DC)"));
        assertEquals("", SpecNumbers.conditions("9.8 s"));
        assertEquals("", SpecNumbers.conditions(42));
    }

    private static Arguments ok(Object stored, Family family, Unit unit, double value) {
        return Arguments.of(stored, EnumSet.of(family), unit, value);
    }

    private static Arguments ok(Object stored, Set<Family> families, Unit unit, double value) {
        return Arguments.of(stored, families, unit, value);
    }

    private static Arguments no(Object stored, Family family) {
        return Arguments.of(stored, EnumSet.of(family));
    }

    private static Arguments no(Object stored, Set<Family> families) {
        return Arguments.of(stored, families);
    }
}
