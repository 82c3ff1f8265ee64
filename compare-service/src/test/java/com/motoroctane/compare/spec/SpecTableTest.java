package com.motoroctane.compare.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Tables built from hand-written variant documents, with the exact differences and winners expected. */
class SpecTableTest {

    private static Map<String, Object> doc(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final Map<String, Object> PETROL = doc(
            "name", "1.5 Petrol MT", "price", 1_050_000L, "fuelType", "Petrol",
            "displacement", "1,497 cc", "maxPower", "113 bhp @ 6300 rpm", "torque", "200 Nm @ 4500 rpm",
            "transmission", "Manual", "mileageCompanyClaimed", "17.4 kmpl", "zeroTo100KmphTime", "10.5 s",
            "wheelbase", "2610 mm", "bootSpace", "382 litres", "globalNCAPRating", "5 Star", "airbags", "6",
            "abs", "Yes", "sunroof", "Panoramic", "alloyWheels", "Yes", "seatUpholstery", null, "hybridType", "NA");

    private static final Map<String, Object> CNG = doc(
            "name", "1.5 CNG MT", "price", "₹ 11.2 Lakh", "fuelType", "CNG",
            "displacement", "1497 cc", "maxPower", "118.35 PS @ 6000rpm", "torque", "25.5 kgm",
            "transmission", " manual ", "mileageCompanyClaimed", "26.6 km/kg", "acceleration", "10.5 s (0-100 kmph)",
            "wheelbase", "2,610 mm", "bootSpace", "382 L", "globalNCAPRating", "4 Stars (Global NCAP)",
            "airbags", "6 Airbags", "abs", true, "sunroof", "panoramic ", "alloyWheels", "yes", "seatUpholstery", "",
            "hybridType", null);

    @Test
    void twoWayTableMarksDifferencesAndTheUniqueBest() {
        List<SpecGroup> table = SpecTable.build(List.of(PETROL, CNG), false);

        SpecRow price = row(table, "price");
        assertEquals(Arrays.asList(1_050_000L, "₹ 11.2 Lakh"), price.values());
        assertTrue(price.different());
        assertEquals(0, price.best());
        assertEquals("₹", price.unit());
        assertEquals(List.of(1_050_000.0, 1_120_000.0), price.numbers());

        SpecRow power = row(table, "maxPower");
        assertTrue(power.different());
        assertEquals(1, power.best());
        assertEquals("bhp", power.unit());

        SpecRow torque = row(table, "torque");
        assertTrue(torque.different());
        assertEquals(1, torque.best(), "25.5 kgm is 250 Nm, more than 200 Nm");
        assertEquals("Nm", torque.unit());

        SpecRow mileage = row(table, "mileageCompanyClaimed");
        assertTrue(mileage.different());
        assertNull(mileage.best(), "kmpl and km/kg are not comparable");
        assertNull(mileage.unit());
        assertNull(mileage.numbers());

        SpecRow airbags = row(table, "airbags");
        assertFalse(airbags.different(), "\"6\" and \"6 Airbags\" are the same number");
        assertNull(airbags.best(), "a tie has no best");
        assertEquals("count", airbags.unit());

        SpecRow ncap = row(table, "globalNCAPRating");
        assertTrue(ncap.different());
        assertEquals(0, ncap.best());
        assertEquals("stars", ncap.unit());

        SpecRow boot = row(table, "bootSpace");
        assertFalse(boot.different());
        assertNull(boot.best());

        assertFalse(row(table, "displacement").different(), "1,497 cc = 1497 cc");
        assertNull(row(table, "displacement").best(), "displacement has no direction");
        assertFalse(row(table, "wheelbase").different());
        assertFalse(row(table, "transmission").different(), "text compares trimmed and case-insensitively");
        assertFalse(row(table, "sunroof").different());
        assertNull(row(table, "sunroof").best());
        assertNull(row(table, "sunroof").unit());
        assertFalse(row(table, "abs").different(), "a stored true reads as Yes");
        assertTrue(row(table, "fuelType").different());

        SpecRow zeroTo100 = row(table, "zeroTo100KmphTime");
        assertEquals(List.of("10.5 s", "10.5 s (0-100 kmph)"), zeroTo100.values(), "the alias fills the gap");
        assertFalse(zeroTo100.different());

        assertTrue(find(table, "seatUpholstery").isEmpty(), "null and blank everywhere: no row");
        assertTrue(find(table, "hybridType").isEmpty(), "\"NA\" counts as empty");
        assertTrue(find(table, "onRoadPrice").isEmpty(), "no item has an on-road price");
    }

    @Test
    void groupsComeInTheirFixedOrderAndRowsInTableOrder() {
        List<SpecGroup> table = SpecTable.build(List.of(PETROL, CNG), false);
        assertEquals(List.of("price", "engineTransmission", "fuelPerformance", "dimensionsCapacity", "safety",
                "comfort", "exterior"), table.stream().map(SpecGroup::key).toList());
        assertEquals(List.of("displacement", "maxPower", "torque", "transmission"),
                group(table, "engineTransmission").rows().stream().map(SpecRow::field).toList());
        assertEquals("Max Power", row(table, "maxPower").label());
        assertEquals("Boot Space", row(table, "bootSpace").label());
    }

    @Test
    void onlyDifferencesDropsEqualRowsAndEmptiedGroups() {
        List<SpecGroup> table = SpecTable.build(List.of(PETROL, CNG), true);
        assertEquals(List.of("price", "engineTransmission", "fuelPerformance", "safety"),
                table.stream().map(SpecGroup::key).toList(), "comfort, exterior and dimensions held only equal rows");
        assertEquals(List.of("maxPower", "torque"),
                group(table, "engineTransmission").rows().stream().map(SpecRow::field).toList());
        assertEquals(List.of("globalNCAPRating"), group(table, "safety").rows().stream().map(SpecRow::field).toList());
        table.forEach(g -> g.rows().forEach(r -> assertTrue(r.different(), r.field())));
    }

    @Test
    void fourWayTable() {
        Map<String, Object> a = doc("price", 1_050_000, "maxPower", "113 bhp", "airbags", "6",
                "mileageCompanyClaimed", "17.4 kmpl", "globalNCAPRating", "5 Star", "sunroof", "Panoramic",
                "turningRadius", "5.2 m", "bootSpace", "382 litres", "onRoadPrice", "₹ 12.3 Lakh");
        Map<String, Object> b = doc("price", "₹ 9.99 Lakh", "power", "118.35 PS @ 6000 rpm", "airbags", "6 Airbags",
                "mileageCompanyClaimed", "18.2 kmpl", "globalNCAPRating", "5-star", "sunroof", "No",
                "turningRadius", "5,100 mm", "bootSpace", "350 L");
        Map<String, Object> c = doc("price", "Rs. 1.2 Crore", "enginePower", "88.5 kW", "airbags", 2,
                "mileageCompanyClaimed", "20.1 km/l", "globalNCAPRating", "Not Tested", "sunroof", null,
                "turningRadius", "5.3 m", "bootSpace", "410 litres (VDA)",
                "evChargingTime", "57 min (10-80%, 50 kW DC)");
        Map<String, Object> d = doc("price", "₹10,50,000", "maxPower", null, "airbags", "2",
                "mileageCompanyClaimed", "19 kmpl", "globalNCAPRating", "4 Stars", "sunroof", "NA",
                "turningRadius", "Not Available", "bootSpace", "410 L", "evRange", "452 km/full charge",
                "evChargingTime", "8 h (0-100%, 3.3 kW AC)");
        List<SpecGroup> table = SpecTable.build(List.of(a, b, c, d), false);

        SpecRow price = row(table, "price");
        assertEquals(1, price.best());
        assertTrue(price.different(), "1050000 and ₹10,50,000 agree, but the others differ");

        SpecRow power = row(table, "maxPower");
        assertEquals(Arrays.asList("113 bhp", "118.35 PS @ 6000 rpm", "88.5 kW", null), power.values(),
                "aliases power and enginePower fill maxPower, each value as stored");
        assertEquals(2, power.best(), "88.5 kW = 118.7 bhp beats 118.35 PS = 116.7 bhp");
        assertEquals("bhp", power.unit());
        assertEquals(4, power.numbers().size());
        assertEquals(118.68, power.numbers().get(2), 0.01);
        assertNull(power.numbers().get(3));

        SpecRow airbags = row(table, "airbags");
        assertTrue(airbags.different());
        assertNull(airbags.best(), "6 and 6 tie at the top");

        assertEquals(2, row(table, "mileageCompanyClaimed").best(), "20.1 km/l is kmpl too");

        SpecRow ncap = row(table, "globalNCAPRating");
        assertTrue(ncap.different());
        assertNull(ncap.best(), "\"Not Tested\" cannot be ranked, so no item is best");
        assertEquals("stars", ncap.unit());
        assertEquals(Arrays.asList(5.0, 5.0, null, 4.0), ncap.numbers());

        SpecRow sunroof = row(table, "sunroof");
        assertTrue(sunroof.different());
        assertNull(sunroof.best());

        SpecRow turning = row(table, "turningRadius");
        assertEquals(1, turning.best(), "lower turning radius wins; the missing one takes no part");
        assertEquals("mm", turning.unit());

        SpecRow boot = row(table, "bootSpace");
        assertNull(boot.best(), "410 and 410 tie");

        SpecRow range = row(table, "evRange");
        assertTrue(range.different(), "one value against empties is a difference");
        assertNull(range.best(), "one number is nothing to rank");

        SpecRow charging = row(table, "evChargingTime");
        assertTrue(charging.different());
        assertNull(charging.best(), "a DC and an AC charging time are different tests");

        SpecRow onRoad = row(table, "onRoadPrice");
        assertEquals(Arrays.asList("₹ 12.3 Lakh", null, null, null), onRoad.values());
        assertEquals("price", groupOf(table, "onRoadPrice"));
    }

    @Test
    void chargingTimesUnderTheSameConditionsAreRanked() {
        List<SpecGroup> table = SpecTable.build(List.of(
                doc("evChargingTime", "57 min (10-80%, 50 kW DC)"),
                doc("evChargingTime", "45 min (10-80%, 50 kW DC)")), false);
        assertEquals(1, row(table, "evChargingTime").best());
        assertTrue(row(table, "evChargingTime").different());

        List<SpecGroup> same = SpecTable.build(List.of(
                doc("evChargingTime", "57 min (10-80%, 50 kW DC)"),
                doc("evChargingTime", "57 min (10-80%, 7.2 kW AC)")), false);
        assertTrue(row(same, "evChargingTime").different(), "the same minutes under other conditions differ");
    }

    @Test
    void oddTypesAndMissingFieldsNeverThrow() {
        Map<String, Object> odd = doc("price", "call dealer", "airbags", Map.of("front", 2), "sunroof", List.of("Yes"),
                "maxPower", true, "torque", 250, "bootSpace", new Date(0), "globalNCAPRating", Double.NaN,
                "engineName", 42, "wheelbase", List.of(), "speakers", Map.of());
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(odd);
        items.add(Map.of());
        items.add(null);
        items.add(doc("price", 900_000, "airbags", "6"));
        for (boolean only : new boolean[] {false, true}) {
            List<SpecGroup> table = SpecTable.build(items, only);
            assertFalse(table.isEmpty());
            table.forEach(g -> {
                assertFalse(g.rows().isEmpty(), g.key());
                g.rows().forEach(r -> {
                    assertEquals(4, r.values().size(), r.field());
                    assertNotNull(r.label());
                });
            });
        }
        List<SpecGroup> table = SpecTable.build(items, false);
        assertNull(row(table, "price").best(), "\"call dealer\" cannot be ranked");
        assertNull(row(table, "airbags").best());
        assertTrue(find(table, "wheelbase").isEmpty(), "an empty list is no value");
        assertTrue(find(table, "speakers").isEmpty());
        assertEquals(Arrays.asList(42, null, null, null), row(table, "engineName").values());

        assertTrue(SpecTable.build(List.of(), false).isEmpty());
        assertTrue(SpecTable.build(null, true).isEmpty());
        assertTrue(SpecTable.build(List.of(Map.of(), Map.of()), false).isEmpty());
    }

    @Test
    void identicalVariantsHaveNoDifferencesAndNoBest() {
        List<SpecGroup> table = SpecTable.build(List.of(PETROL, PETROL), false);
        table.forEach(g -> g.rows().forEach(r -> {
            assertFalse(r.different(), r.field());
            assertNull(r.best(), r.field());
        }));
        assertTrue(SpecTable.build(List.of(PETROL, PETROL), true).isEmpty());
    }

    static SpecRow row(List<SpecGroup> table, String field) {
        return find(table, field).orElseThrow(() -> new AssertionError("no row " + field));
    }

    static Optional<SpecRow> find(List<SpecGroup> table, String field) {
        return table.stream().flatMap(g -> g.rows().stream()).filter(r -> r.field().equals(field)).findFirst();
    }

    private static SpecGroup group(List<SpecGroup> table, String key) {
        return table.stream().filter(g -> g.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key));
    }

    private static String groupOf(List<SpecGroup> table, String field) {
        return table.stream().filter(g -> g.rows().stream().anyMatch(r -> r.field().equals(field)))
                .map(SpecGroup::key).findFirst().orElse(null);
    }
}
