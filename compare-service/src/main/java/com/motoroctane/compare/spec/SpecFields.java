package com.motoroctane.compare.spec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.motoroctane.compare.spec.SpecField.Better;
import com.motoroctane.compare.spec.Unit.Family;

/**
 * The comparison table's rows, in display order: every variant field of the previous schema
 * (previous-system.md §2) is a row, an alias of a row that holds the same thing, or listed in
 * {@link #NOT_COMPARED}.
 *
 * <p>"Best" choices worth knowing: lower wins for prices, 0-100 time, turning radius and charging time
 * (charging only under the same stated conditions); higher wins for power, torque, mileage (within one
 * of kmpl, km/kg, range), range, battery capacity, top speed, NCAP stars, airbags and other equipment
 * counts, boot space, ground clearance, wheelbase and screen size. Kerb weight, fuel tank,
 * displacement, length/width/height, seats, doors, gears and wheel size get no best: bigger is not
 * better there, only different.
 */
public final class SpecFields {

    /** A group of rows, in display order. */
    public record Group(String key, String label) {
    }

    public static final List<Group> GROUPS = List.of(
            new Group("price", "Price & Warranty"),
            new Group("engineTransmission", "Engine & Transmission"),
            new Group("fuelPerformance", "Fuel & Performance"),
            new Group("dimensionsCapacity", "Dimensions & Capacity"),
            new Group("suspensionBrakesWheels", "Suspension, Brakes & Wheels"),
            new Group("safety", "Safety"),
            new Group("comfort", "Comfort & Convenience"),
            new Group("infotainment", "Infotainment"),
            new Group("lighting", "Lighting"),
            new Group("exterior", "Exterior"),
            new Group("seating", "Seating"));

    /** Mileage is kmpl for petrol and diesel, km/kg for CNG, and some EVs store their range there. */
    private static final Set<Family> MILEAGE = EnumSet.of(Family.FUEL_EFFICIENCY, Family.GAS_EFFICIENCY, Family.RANGE);

    public static final List<SpecField> FIELDS = new Table()
            .group("price")
            .row("price", "Ex-showroom Price", Family.MONEY, Better.LOWER)
            .row("onRoadPrice", "On-road Price", Family.MONEY, Better.LOWER)
            .text("warranty", "Warranty")

            .group("engineTransmission")
            .text("engineName", "Engine", "engineNamePage4")
            .text("engineType", "Engine Type")
            .row("displacement", "Displacement", Family.DISPLACEMENT, Better.NONE, "engineCapacity")
            .row("maxPower", "Max Power", Family.POWER, Better.HIGHER, "power", "enginePower")
            .row("torque", "Max Torque", Family.TORQUE, Better.HIGHER, "engineTorque")
            .text("turboCharged", "Turbocharger")
            .text("transmission", "Transmission Type")
            .text("engineTransmission", "Gearbox")
            .row("noOfGears", "No. of Gears", Family.COUNT, Better.NONE, "engineSpeed")
            .text("paddleShifter", "Paddle Shifters")
            .text("driveType", "Drive Type", "driveTrain")
            .text("hybridType", "Hybrid Type")
            .row("maxElectricMotorPower", "Electric Motor Power", Family.POWER, Better.HIGHER)
            .text("electricMotorPlacement", "Electric Motor Placement")
            .text("batteryType", "Battery Type")
            .text("drivingModes", "Driving Modes")
            .text("offRoadModes", "Off-road Modes")
            .text("differentialLock", "Differential Lock")
            .text("limitedSlipDifferential", "Limited-slip Differential")

            .group("fuelPerformance")
            .text("fuelType", "Fuel Type", "fuel")
            .row("mileageCompanyClaimed", "Claimed Mileage", MILEAGE, Better.HIGHER, false)
            .row("mileageCity", "City Mileage (Real World)", MILEAGE, Better.HIGHER, false, "mileageCityRealWorld")
            .row("mileageHighway", "Highway Mileage (Real World)", MILEAGE, Better.HIGHER, false,
                    "mileageHighwayRealWorld")
            .row("fuelTankCapacity", "Fuel Tank Capacity", Family.VOLUME, Better.NONE)
            .text("emissionStandard", "Emission Standard")
            .row("evBatteryCapacity", "Battery Capacity", Family.ENERGY, Better.HIGHER)
            .row("hybridBatteryCapacity", "Hybrid Battery Capacity", Family.ENERGY, Better.NONE)
            .row("evRange", "Claimed Range", Family.RANGE, Better.HIGHER)
            .row("evChargingTime", "Charging Time", EnumSet.of(Family.TIME), Better.LOWER, true)
            .row("topSpeed", "Top Speed", Family.SPEED, Better.HIGHER)
            .row("zeroTo100KmphTime", "0-100 km/h", Family.TIME, Better.LOWER, "acceleration")

            .group("dimensionsCapacity")
            .row("length", "Length", Family.LENGTH, Better.NONE)
            .row("width", "Width", Family.LENGTH, Better.NONE)
            .row("height", "Height", Family.LENGTH, Better.NONE)
            .row("wheelbase", "Wheelbase", Family.LENGTH, Better.HIGHER)
            .row("groundClearance", "Ground Clearance", Family.LENGTH, Better.HIGHER)
            .row("turningRadius", "Turning Radius", Family.LENGTH, Better.LOWER)
            .row("kerbWeight", "Kerb Weight", Family.MASS, Better.NONE)
            .row("seatingCapacity", "Seating Capacity", Family.COUNT, Better.NONE)
            .row("doors", "Doors", Family.COUNT, Better.NONE)
            .row("bootSpace", "Boot Space", Family.VOLUME, Better.HIGHER)
            .row("bootSpaceAfterFoldingRearRowSeats", "Boot Space (Rear Seats Folded)", Family.VOLUME, Better.HIGHER)
            .row("cupholders", "Cupholders", Family.COUNT, Better.HIGHER)

            .group("suspensionBrakesWheels")
            .text("frontSuspension", "Front Suspension")
            .text("rearSuspension", "Rear Suspension")
            .text("frontBrake", "Front Brakes")
            .text("rearBrake", "Rear Brakes")
            .row("wheelSize", "Wheel Size", Family.SIZE, Better.NONE)
            .text("frontTyreProfile", "Front Tyre Size", "tyreSize")
            .text("rearTyreProfile", "Rear Tyre Size")
            .text("spareTyre", "Spare Tyre")
            .text("spareTyreProfile", "Spare Tyre Size")
            .text("spareWheelType", "Spare Wheel Type")

            .group("safety")
            .row("globalNCAPRating", "Global NCAP Rating", Family.RATING, Better.HIGHER)
            .row("airbags", "Airbags", Family.COUNT, Better.HIGHER)
            .text("airbagsLocation", "Airbag Locations")
            .text("adasLevel", "ADAS Level")
            .text("adasFeatures", "ADAS Features")
            .text("abs", "ABS")
            .text("ebd", "EBD")
            .text("brakeAssist", "Brake Assist")
            .text("electronicStabilityProgram", "Electronic Stability Control", "esc")
            .text("tractionControl", "Traction Control")
            .text("hillHoldAssist", "Hill Hold Assist", "hillAssist")
            .text("hillDescentControl", "Hill Descent Control")
            .text("rollOverMitigation", "Rollover Mitigation")
            .text("tyrePressureMonitor", "Tyre Pressure Monitor")
            .text("isofixMounts", "ISOFIX Mounts", "isofix")
            .text("discBrakes", "Disc Brakes")
            .text("parkingSensors", "Parking Sensors", "parkingSensor")
            .text("reverseCamera", "Reverse Camera")
            .text("reverseCameraGuidelines", "Reverse Camera Guidelines")
            .text("parkingCamera", "Parking Camera")
            .text("blindSpotMonitor", "Blind Spot Monitor")
            .text("seatbeltWarning", "Seatbelt Warning")
            .text("speedAlertSystem", "Speed Alert")
            .text("speedSensingDoorLocks", "Speed-sensing Door Locks")
            .text("immobiliser", "Engine Immobiliser")

            .group("comfort")
            .text("airConditioning", "Air Conditioning")
            .text("climateControl", "Automatic Climate Control")
            .row("climateZones", "Climate Zones", Family.COUNT, Better.HIGHER)
            .text("rearACVents", "Rear AC Vents")
            .text("sunroof", "Sunroof")
            .text("ventilatedSeats", "Ventilated Seats")
            .text("airPurifier", "Air Purifier")
            .text("headsUpDisplay", "Head-up Display")
            .text("cruiseControl", "Cruise Control")
            .text("rainSensingWipers", "Rain-sensing Wipers")
            .text("automaticHeadlamp", "Automatic Headlamps")
            .text("followMeHomeHeadlights", "Follow-me-home Headlamps")
            .text("keylessEntry", "Keyless Entry")
            .text("ignition", "Ignition")
            .text("pushButtonStart", "Push-button Start")
            .text("ambientLighting", "Ambient Lighting")
            .text("steeringAdjustment", "Steering Adjustment")
            .text("steeringMountedControls", "Steering-mounted Controls")
            .text("powerSteering", "Power Steering")
            .text("powerWindows", "Power Windows")
            .text("frontArmrest", "Front Armrest")
            .text("rearArmrest", "Rear Armrest")
            .text("insideRearViewMirror", "Inside Rear-view Mirror")
            .text("outsideRearViewMirrors", "ORVM Adjustment")
            .text("rearWindshieldDefogger", "Rear Defogger")
            .text("frontWindshieldDefogger", "Front Defogger")
            .text("cooledGlovebox", "Cooled Glovebox")

            .group("infotainment")
            .text("touchScreenInfotainment", "Touchscreen")
            .row("infotainmentScreen", "Screen Size", Family.SIZE, Better.HIGHER)
            .text("androidAppleCarplay", "Android Auto / Apple CarPlay")
            .text("androidAuto", "Android Auto")
            .text("appleCarPlay", "Apple CarPlay")
            .text("connectedCarTech", "Connected Car Tech")
            .row("speakers", "Speakers", Family.COUNT, Better.HIGHER)
            .row("tweeters", "Tweeters", Family.COUNT, Better.HIGHER)
            .row("subwoofers", "Subwoofers", Family.COUNT, Better.HIGHER)
            .text("wirelessCharging", "Wireless Charging")
            .row("usbCChargingPorts", "USB-C Ports", Family.COUNT, Better.HIGHER)
            .row("usbAChargingPorts", "USB-A Ports", Family.COUNT, Better.HIGHER)
            .row("twelvevChargingPorts", "12V Sockets", Family.COUNT, Better.HIGHER)
            .text("bluetooth", "Bluetooth")
            .text("usb", "USB")
            .text("aux", "AUX Input")

            .group("lighting")
            .text("headLights", "Headlamps", "headlights")
            .text("daytimeRunningLights", "Daytime Running Lights", "drl")
            .text("frontFogLights", "Fog Lamps", "fogLights")
            .text("tailLight", "Tail Lamps", "tailLights")

            .group("exterior")
            .text("alloyWheels", "Alloy Wheels")
            .text("roofRails", "Roof Rails")
            .text("outsideRearViewMirror", "ORVMs", "orvm")
            .text("sideIndicator", "Side Indicators")
            .text("rearWindshieldWiper", "Rear Wiper")
            .text("radioAntenna", "Antenna")

            .group("seating")
            .text("seatUpholstery", "Upholstery")
            .text("seatsAdjustment", "Seat Adjustment")
            .text("driverSeatAdjustment", "Driver Seat Adjustment")
            .text("passengerSeatAdjustment", "Passenger Seat Adjustment")
            .text("rearSeatAdjustment", "Rear Seat Adjustment")
            .text("welcomeSeats", "Welcome Seats")
            .text("memorySeats", "Memory Seats")
            .build();

    /**
     * Variant fields that are not spec rows: identity and bookkeeping, prose (the table compares facts;
     * prose differs between any two cars), the mileage table's caption, images and the editorial flag.
     */
    public static final List<String> NOT_COMPARED = List.of(
            "id", "name", "brandId", "modelId", "status", "createdAt", "version", "highlightImages",
            "isValueForMoney", "description", "keyFeatures", "headerSummary", "exteriorDesign",
            "comfortConvenience", "engineSummary", "mileageEngineName");

    private SpecFields() {
    }

    /** Collects rows under the group last named; checks every row names a known group. */
    private static final class Table {
        private final List<SpecField> rows = new ArrayList<>();
        private String group;

        Table group(String key) {
            if (GROUPS.stream().noneMatch(g -> g.key().equals(key))) {
                throw new IllegalStateException("unknown group " + key);
            }
            group = key;
            return this;
        }

        Table text(String field, String label, String... aliases) {
            rows.add(new SpecField(field, List.of(aliases), label, group, Set.of(), Better.NONE, false));
            return this;
        }

        Table row(String field, String label, Family family, Better better, String... aliases) {
            return row(field, label, EnumSet.of(family), better, false, aliases);
        }

        Table row(String field, String label, Set<Family> families, Better better, boolean sameConditions,
                  String... aliases) {
            rows.add(new SpecField(field, List.of(aliases), label, group, families, better, sameConditions));
            return this;
        }

        List<SpecField> build() {
            return List.copyOf(rows);
        }
    }
}
