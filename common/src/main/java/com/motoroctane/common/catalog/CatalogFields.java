package com.motoroctane.common.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field names of the catalogue documents, exactly as the previous system stored and served them
 * (reference: previous-system.md §2). Readers use them as projection allow-lists, the writer as its
 * schema, the seed generator to fill every field.
 */
public final class CatalogFields {

    public static final String ID = "id";
    public static final String STATUS = "status";
    public static final String ACTIVE = "active";

    public static final List<String> BRAND = List.of(
            "id", "name", "slug", "logo", "ranking", "status", "summary", "faqs", "createdAt", "version");

    public static final List<String> MODEL = List.of(
            "id", "name", "slug", "brandId", "status", "isPopular", "isNew", "popularRank", "newRank", "topRank",
            "bodyType", "subBodyType", "launchDate", "seating", "fuelTypes", "transmissions", "brochureUrl",
            "headerSeo", "pros", "cons", "description", "exteriorDesign", "comfortConvenience", "summary",
            "engineSummaries", "mileageData", "faqs", "heroImage", "galleryImages", "keyFeatureImages",
            "spaceComfortImages", "storageConvenienceImages", "colorImages", "createdAt", "version");

    public static final List<String> FUEL_TYPES = List.of("Petrol", "Diesel", "CNG", "Electric", "Hybrid");
    public static final List<String> TRANSMISSIONS = List.of("Manual", "Automatic", "AMT", "CVT", "DCT");
    public static final List<String> BODY_TYPES = List.of(
            "Hatchback", "Sedan", "SUV", "Compact SUV", "MUV", "Coupe", "Convertible", "Pickup");

    /** Variant fields that are not free-form strings. */
    public static final List<String> VARIANT_TYPED = List.of(
            "id", "name", "brandId", "modelId", "price", "status", "isValueForMoney", "highlightImages",
            "connectedCarTech", "warranty", "createdAt", "version");

    /** Every other variant field is a String defaulting to null, grouped as the previous schema grouped them. */
    public static final Map<String, List<String>> VARIANT_STRING_GROUPS = groups();

    public static final List<String> VARIANT = variantFields();

    private CatalogFields() {
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("content", List.of("description", "keyFeatures", "headerSummary", "exteriorDesign", "comfortConvenience"));
        g.put("engine", List.of("engineName", "engineSummary", "engineTransmission", "enginePower", "engineTorque",
                "engineSpeed", "engineType", "displacement", "power", "torque", "transmission", "driveType",
                "fuelType", "fuel"));
        g.put("mileage", List.of("mileageEngineName", "mileageCompanyClaimed", "mileageCityRealWorld",
                "mileageHighwayRealWorld", "mileageCity", "mileageHighway", "fuelTankCapacity", "emissionStandard"));
        g.put("dimensions", List.of("groundClearance", "length", "width", "height", "wheelbase", "turningRadius",
                "kerbWeight", "frontTyreProfile", "rearTyreProfile", "spareTyreProfile", "spareWheelType",
                "cupholders", "bootSpace", "bootSpaceAfterFoldingRearRowSeats", "seatingCapacity", "doors"));
        g.put("performance", List.of("engineNamePage4", "engineCapacity", "noOfGears", "paddleShifter", "maxPower",
                "zeroTo100KmphTime", "topSpeed", "evBatteryCapacity", "hybridBatteryCapacity", "batteryType",
                "electricMotorPlacement", "evRange", "evChargingTime", "maxElectricMotorPower", "turboCharged",
                "hybridType", "driveTrain", "drivingModes", "offRoadModes", "differentialLock",
                "limitedSlipDifferential", "acceleration"));
        g.put("suspension", List.of("frontSuspension", "rearSuspension", "frontBrake", "rearBrake", "wheelSize",
                "tyreSize", "spareTyre"));
        g.put("safety", List.of("globalNCAPRating", "airbags", "airbagsLocation", "adasLevel", "adasFeatures",
                "reverseCamera", "reverseCameraGuidelines", "tyrePressureMonitor", "hillHoldAssist",
                "hillDescentControl", "rollOverMitigation", "parkingSensor", "discBrakes",
                "electronicStabilityProgram", "abs", "ebd", "brakeAssist", "isofixMounts", "seatbeltWarning",
                "speedAlertSystem", "speedSensingDoorLocks", "immobiliser", "esc", "tractionControl", "hillAssist",
                "isofix", "parkingSensors", "parkingCamera", "blindSpotMonitor"));
        g.put("comfort", List.of("ventilatedSeats", "sunroof", "airPurifier", "headsUpDisplay", "cruiseControl",
                "rainSensingWipers", "automaticHeadlamp", "followMeHomeHeadlights", "keylessEntry", "ignition",
                "ambientLighting", "steeringAdjustment", "airConditioning", "climateZones", "climateControl",
                "rearACVents", "frontArmrest", "rearArmrest", "insideRearViewMirror", "outsideRearViewMirrors",
                "steeringMountedControls", "rearWindshieldDefogger", "frontWindshieldDefogger", "cooledGlovebox",
                "pushButtonStart", "powerWindows", "powerSteering"));
        g.put("infotainment", List.of("touchScreenInfotainment", "androidAppleCarplay", "speakers", "tweeters",
                "subwoofers", "usbCChargingPorts", "usbAChargingPorts", "twelvevChargingPorts", "wirelessCharging",
                "infotainmentScreen", "bluetooth", "usb", "aux", "androidAuto", "appleCarPlay"));
        g.put("lighting", List.of("headLights", "tailLight", "frontFogLights", "daytimeRunningLights", "headlights",
                "drl", "fogLights", "tailLights"));
        g.put("exterior", List.of("roofRails", "radioAntenna", "outsideRearViewMirror", "sideIndicator",
                "rearWindshieldWiper", "orvm", "alloyWheels"));
        g.put("seating", List.of("seatUpholstery", "seatsAdjustment", "driverSeatAdjustment",
                "passengerSeatAdjustment", "rearSeatAdjustment", "welcomeSeats", "memorySeats"));
        return Collections.unmodifiableMap(g);
    }

    private static List<String> variantFields() {
        Set<String> all = new LinkedHashSet<>(VARIANT_TYPED);
        VARIANT_STRING_GROUPS.values().forEach(all::addAll);
        return List.copyOf(new ArrayList<>(all));
    }

    /** The previous system's slug rule: lowercase, strip [^a-z0-9\s-], whitespace runs become '-'. */
    public static String slug(String name) {
        String cleaned = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9\\s-]", "").trim();
        return cleaned.replaceAll("\\s+", "-");
    }
}
