package com.motoroctane.devstack.seed;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.devstack.seed.Lineup.Slot;
import com.motoroctane.devstack.seed.ModelPlan.Dimensions;
import com.motoroctane.devstack.seed.ModelPlan.Engine;
import com.motoroctane.devstack.seed.ModelPlan.Powertrain;

/**
 * Renders one variant with every field of {@link CatalogFields#VARIANT}. Equipment follows a single
 * "level": the trim's place on the ladder plus the brand tier's bonus, so a top trim has everything a
 * lower one has, and a luxury base trim out-equips a budget top trim, as in real price lists.
 */
final class VariantDocuments {

    /** Largest fuel x gearbox x edition x jitter multiplier {@link #price} can apply on top of the trim step. */
    static final double MAX_PREMIUM = 1.22 * 1.10 * 1.04 * 1.01;

    private static final String YES = "Yes";
    private static final String NO = "No";

    private VariantDocuments() {
    }

    /** What every field group needs to know about the variant being rendered. */
    private record Ctx(ModelPlan plan, Slot slot, Engine engine, Powertrain pt, Tier tier, BodyType body,
                       double level, int wheelInch, String drive, long price, Rng rng) {

        boolean automatic() {
            return !pt.transmission().equals("Manual");
        }

        boolean electric() {
            return engine.electric();
        }

        boolean has(double threshold) {
            return level >= threshold;
        }
    }

    static Document render(ModelPlan plan, Slot slot, long seed) {
        Rng rng = Rng.of(seed, Rng.VARIANT, plan.firstVariant() + slot.position());
        Tier tier = plan.brand().tier();
        Powertrain pt = slot.powertrain();
        double level = slot.trimPosition() * 0.75 + tier.equipmentBonus + (slot.edition() != null ? 0.03 : 0)
                + rng.between(-0.04, 0.04);
        int wheelInch = Math.min(22, plan.dims().wheelInch() + (level >= 0.5 ? 1 : 0) + (level >= 0.9 ? 1 : 0));
        String drive = slot.trimPosition() >= 0.5 ? plan.topDrive() : plan.baseDrive();
        Ctx c = new Ctx(plan, slot, plan.engine(pt.fuel()), pt, tier, plan.body(), level, wheelInch, drive,
                price(plan, slot, rng), rng);

        Map<String, Object> v = new HashMap<>(256);
        String variantSlug = slot.slug();
        v.put("id", "variant-" + plan.brandId() + "-" + plan.id() + "-" + variantSlug);
        v.put("name", slot.name());
        v.put("brandId", plan.brandId());
        v.put("modelId", plan.id());
        v.put("price", c.price);
        v.put("status", rng.chance(0.03) ? "inactive" : CatalogFields.ACTIVE);
        v.put("isValueForMoney", slot.edition() == null && slot.trimPosition() > 0.15 && slot.trimPosition() < 0.75
                && rng.chance(0.45));
        v.put("connectedCarTech", plan.brand().connectedTech() != null && c.has(0.45) ? plan.brand().connectedTech() : NO);
        v.put("warranty", c.electric() ? tier.warranty() + "; Battery: 8 Years / 1,60,000 km" : tier.warranty());
        v.put("createdAt", Date.from(plan.createdAt().plusSeconds(60L + slot.position())));
        v.put("version", 1L);

        engine(c, v);
        mileage(c, v);
        dimensions(c, v);
        performance(c, v);
        suspension(c, v);
        safety(c, v);
        comfort(c, v);
        infotainment(c, v);
        lighting(c, v);
        exterior(c, v);
        seating(c, v);
        List<String> highlights = highlights(c, v);
        content(c, v, highlights);
        v.put("highlightImages", highlightImages(plan, variantSlug, highlights, rng));
        return Docs.ordered("variant", CatalogFields.VARIANT, v);
    }

    /** Rises with the trim, and with diesel, automatic and special-edition premiums. */
    private static long price(ModelPlan plan, Slot slot, Rng rng) {
        Powertrain pt = slot.powertrain();
        double fuel = switch (pt.fuel()) {
            case "Diesel" -> 1.12;
            case "CNG" -> 1.08;
            case "Hybrid" -> plan.primaryFuel().equals("Hybrid") ? 1.0 : 1.22;
            default -> 1.0;
        };
        double gearbox = switch (pt.transmission()) {
            case "AMT" -> 1.05;
            case "CVT" -> 1.09;
            case "DCT", "Automatic" -> slot.powertrainIndex() == 0 ? 1.0 : 1.10;
            default -> 1.0;
        };
        double edition = slot.edition() == null ? 1.0 : rng.between(1.015, 1.04);
        double price = plan.entryPrice() * (1 + plan.trimStep() * slot.trimIndex()) * fuel * gearbox * edition
                * rng.between(0.99, 1.01);
        long step = price >= 10_000_000 ? 10_000 : 1_000;
        long rounded = Math.round(price / step) * step;
        return Math.max(CatalogGenerator.MIN_PRICE, Math.min(CatalogGenerator.MAX_PRICE, rounded));
    }

    private static void engine(Ctx c, Map<String, Object> v) {
        Engine e = c.engine;
        v.put("engineName", e.name());
        v.put("engineSummary", engineSummary(e, c.pt));
        v.put("engineTransmission", c.pt.gearbox());
        v.put("enginePower", e.bhp() + " bhp");
        v.put("engineTorque", e.torque());
        v.put("engineSpeed", c.pt.speed());
        v.put("engineType", e.type());
        v.put("displacement", e.displacement());
        v.put("power", e.power());
        v.put("torque", e.torque());
        v.put("transmission", c.pt.transmission());
        v.put("driveType", c.drive);
        v.put("fuelType", c.pt.fuel());
        v.put("fuel", c.pt.fuel());
    }

    static String engineSummary(Engine e, Powertrain pt) {
        if (e.electric()) {
            return "The " + e.battery() + " battery feeds a " + e.bhp() + " bhp motor with " + e.torqueNm()
                    + " Nm, for a claimed range of " + e.range() + ".";
        }
        return "The " + e.name() + " makes " + e.power() + " and " + e.torque() + ", paired with a "
                + pt.gearbox() + " gearbox" + (pt.claimed() == null ? "." : " and a claimed " + pt.claimed() + ".");
    }

    private static void mileage(Ctx c, Map<String, Object> v) {
        Powertrain pt = c.pt;
        Dimensions d = c.plan.dims();
        v.put("mileageEngineName", c.engine.name() + " " + pt.transmission());
        v.put("mileageCompanyClaimed", pt.claimed());
        v.put("mileageCityRealWorld", pt.city());
        v.put("mileageHighwayRealWorld", pt.highway());
        v.put("mileageCity", pt.city());
        v.put("mileageHighway", pt.highway());
        if (d.fuelTank() != null) {
            v.put("fuelTankCapacity", d.fuelTank() + " litres" + (pt.fuel().equals("CNG") ? " + 60 litres CNG (water equivalent)" : ""));
        }
        v.put("emissionStandard", c.electric() ? "Zero Tailpipe Emission" : "BS6 Phase 2");
    }

    private static void dimensions(Ctx c, Map<String, Object> v) {
        Dimensions d = c.plan.dims();
        String tyre = tyre(c.wheelInch);
        v.put("groundClearance", d.groundClearance() + " mm");
        v.put("length", d.length() + " mm");
        v.put("width", d.width() + " mm");
        v.put("height", d.height() + " mm");
        v.put("wheelbase", d.wheelbase() + " mm");
        v.put("turningRadius", Docs.decimal(d.turningRadius()) + " m");
        v.put("kerbWeight", kerbWeight(c) + " kg");
        v.put("frontTyreProfile", tyre);
        v.put("rearTyreProfile", c.tier == Tier.ULTRA ? tyre(Math.min(22, c.wheelInch + 1)) : tyre);
        String spare = spare(c);
        boolean hasSpare = !spare.startsWith("No");
        v.put("spareTyreProfile", !hasSpare ? null : spare.equals("Full size") ? tyre : "T135/80 R" + (c.wheelInch - 1));
        v.put("spareWheelType", !hasSpare ? null : spare.equals("Full size") && c.has(0.45) ? "Alloy" : "Steel");
        v.put("cupholders", String.valueOf(c.plan.seating() <= 2 ? 2 : c.has(0.45) ? 4 : 2));
        v.put("bootSpace", d.boot() + " litres");
        v.put("bootSpaceAfterFoldingRearRowSeats", d.bootFolded() == null ? null : d.bootFolded() + " litres");
        v.put("seatingCapacity", String.valueOf(c.plan.seating()));
        v.put("doors", String.valueOf(c.body.doors()));
    }

    private static int kerbWeight(Ctx c) {
        return c.plan.dims().kerbWeight() + 10 * c.slot.trimIndex() + (c.automatic() && !c.electric() ? 25 : 0)
                + (c.pt.fuel().equals("Diesel") ? 60 : 0) + (c.pt.fuel().equals("CNG") ? 90 : 0);
    }

    private static void performance(Ctx c, Map<String, Object> v) {
        Engine e = c.engine;
        double zeroTo100 = Math.max(2.5, kerbWeight(c) / (double) e.bhp() * (c.electric() ? 0.75 : 0.9) + 1.0);
        int topSpeed = (int) Math.min(c.electric() ? 260 : 350,
                (c.electric() ? 80 : 100) + Math.sqrt(e.bhp()) * (c.electric() ? 7.5 : 8.0));
        boolean hybrid = e.hybridType() != null;
        v.put("engineNamePage4", e.name());
        v.put("engineCapacity", e.displacement());
        v.put("noOfGears", String.valueOf(c.pt.gears()));
        v.put("paddleShifter", Docs.yesNo(c.automatic() && !c.pt.transmission().equals("AMT") && c.has(0.55)));
        v.put("maxPower", e.power());
        v.put("zeroTo100KmphTime", Docs.decimal(zeroTo100) + " s");
        v.put("topSpeed", topSpeed + " kmph");
        v.put("evBatteryCapacity", e.battery());
        v.put("hybridBatteryCapacity", e.hybridBatteryKwh() == null ? null : e.hybridBatteryKwh() + " kWh");
        v.put("batteryType", c.electric() ? (c.tier == Tier.BUDGET ? "LFP (Lithium Iron Phosphate)" : "Lithium-ion")
                : hybrid ? "Lithium-ion" : null);
        v.put("electricMotorPlacement", !(c.electric() || hybrid) ? null
                : c.drive.equals("AWD") || c.drive.equals("4WD") ? "Front & Rear Axle"
                : c.drive.equals("RWD") ? "Rear Axle" : "Front Axle");
        v.put("evRange", e.range());
        v.put("evChargingTime", e.chargingTime());
        v.put("maxElectricMotorPower", c.electric() ? e.bhp() + " bhp"
                : hybrid ? Math.max(10, e.bhp() / 5) + " bhp" : null);
        v.put("turboCharged", c.electric() ? null : Docs.yesNo(e.turbo()));
        v.put("hybridType", e.hybridType());
        v.put("driveTrain", switch (c.drive) {
            case "RWD" -> "Rear Wheel Drive";
            case "AWD" -> "All Wheel Drive";
            case "4WD" -> "Four Wheel Drive";
            default -> "Front Wheel Drive";
        });
        v.put("drivingModes", !(c.automatic() || c.electric()) || !c.has(0.35) ? NO
                : c.electric() ? "Eco, City, Sport" : c.tier.atLeast(Tier.LUXURY) ? "Comfort, Eco, Sport, Sport Plus, Individual"
                : "Eco, Normal, Sport");
        boolean fourWd = c.drive.equals("4WD");
        v.put("offRoadModes", fourWd ? (c.tier.atLeast(Tier.PREMIUM) ? "Terrain Response (Grass/Gravel/Snow, Mud, Sand, Rock Crawl)"
                : "Snow, Mud, Sand") : NO);
        v.put("differentialLock", Docs.yesNo(fourWd && c.has(0.5)));
        v.put("limitedSlipDifferential", Docs.yesNo(c.tier == Tier.ULTRA || (fourWd && c.has(0.8))));
        v.put("acceleration", Docs.decimal(zeroTo100) + " s (0-100 kmph)");
    }

    private static void suspension(Ctx c, Map<String, Object> v) {
        boolean air = c.tier.atLeast(Tier.LUXURY) && !c.body.isLowSlung() && c.has(0.7);
        String front;
        String rear;
        if (c.tier == Tier.ULTRA) {
            front = "Double Wishbone with Adaptive Dampers";
            rear = "Multi-link with Adaptive Dampers";
        } else if (air) {
            front = "Multi-link with Air Spring";
            rear = "Multi-link with Air Spring";
        } else if (c.plan.offRoader()) {
            front = "Double Wishbone with Coil Spring";
            rear = c.body.name().equals(BodyType.PICKUP) ? "Leaf Spring" : "Multi-link Solid Axle with Coil Spring";
        } else {
            front = "MacPherson Strut with Coil Spring";
            rear = c.tier.atLeast(Tier.PREMIUM) || c.drive.equals("AWD") ? "Multi-link with Coil Spring"
                    : "Twist Beam with Coil Spring";
        }
        v.put("frontSuspension", front);
        v.put("rearSuspension", rear);
        v.put("frontBrake", c.tier == Tier.ULTRA && c.has(1.0) ? "Carbon Ceramic Disc"
                : c.tier == Tier.BUDGET && !c.has(0.5) ? "Disc" : "Ventilated Disc");
        v.put("rearBrake", rearDisc(c) ? "Disc" : "Drum");
        v.put("wheelSize", c.wheelInch + " inch");
        v.put("tyreSize", tyre(c.wheelInch));
        v.put("spareTyre", spare(c));
    }

    private static boolean rearDisc(Ctx c) {
        return c.tier.atLeast(Tier.PREMIUM) || c.has(0.6);
    }

    private static String spare(Ctx c) {
        if (c.tier == Tier.ULTRA || (c.electric() && c.tier.atLeast(Tier.PREMIUM))) {
            return "No (Puncture Repair Kit)";
        }
        return c.tier == Tier.LUXURY ? "Space Saver" : "Full size";
    }

    private static void safety(Ctx c, Map<String, Object> v) {
        int airbags = c.has(1.15) ? 9 : c.has(0.95) ? 7 : c.has(0.3) ? 6 : 2;
        String adas = c.has(0.85) ? "Level 2" : c.has(0.7) ? "Level 1" : NO;
        boolean esc = c.has(0.2);
        boolean hillHold = c.has(0.3) || c.automatic();
        String sensors = c.has(0.55) ? "Front & Rear" : "Rear";
        v.put("globalNCAPRating", c.plan.ncapRating());
        v.put("airbags", String.valueOf(airbags));
        v.put("airbagsLocation", switch (airbags) {
            case 2 -> "Driver, Passenger";
            case 6 -> "Driver, Passenger, Front Side, Curtain";
            case 7 -> "Driver, Passenger, Front Side, Curtain, Driver Knee";
            default -> "Driver, Passenger, Front Side, Rear Side, Curtain, Driver Knee";
        });
        v.put("adasLevel", adas);
        v.put("adasFeatures", switch (adas) {
            case "Level 2" -> "Adaptive Cruise Control with Stop & Go, Lane Keep Assist, Autonomous Emergency Braking,"
                    + " Blind Spot Collision Warning, Rear Cross Traffic Alert, High Beam Assist";
            case "Level 1" -> "Forward Collision Warning, Autonomous Emergency Braking, Lane Departure Warning,"
                    + " Driver Attention Warning";
            default -> null;
        });
        v.put("reverseCamera", Docs.yesNo(c.has(0.3)));
        v.put("reverseCameraGuidelines", Docs.yesNo(c.has(0.4)));
        v.put("tyrePressureMonitor", Docs.yesNo(c.has(0.45)));
        v.put("hillHoldAssist", Docs.yesNo(hillHold));
        v.put("hillDescentControl", Docs.yesNo(c.plan.offRoader() || (c.body.isUtility() && c.has(0.6))));
        v.put("rollOverMitigation", Docs.yesNo(c.has(0.45)));
        v.put("parkingSensor", sensors);
        v.put("discBrakes", rearDisc(c) ? "Front & Rear" : "Front");
        v.put("electronicStabilityProgram", Docs.yesNo(esc));
        v.put("abs", YES);
        v.put("ebd", YES);
        v.put("brakeAssist", Docs.yesNo(c.has(0.2)));
        v.put("isofixMounts", Docs.yesNo(c.has(0.1)));
        v.put("seatbeltWarning", YES);
        v.put("speedAlertSystem", YES);
        v.put("speedSensingDoorLocks", YES);
        v.put("immobiliser", YES);
        v.put("esc", Docs.yesNo(esc));
        v.put("tractionControl", Docs.yesNo(c.has(0.3)));
        v.put("hillAssist", Docs.yesNo(hillHold));
        v.put("isofix", Docs.yesNo(c.has(0.1)));
        v.put("parkingSensors", sensors);
        v.put("parkingCamera", c.has(0.75) ? "360 Degree" : c.has(0.3) ? "Rear" : NO);
        v.put("blindSpotMonitor", Docs.yesNo(c.has(0.8)));
    }

    private static void comfort(Ctx c, Map<String, Object> v) {
        boolean pushButton = c.has(0.4);
        boolean autoAc = c.has(0.4);
        boolean rearSeat = c.plan.seating() > 2;
        v.put("ventilatedSeats", c.has(1.05) && rearSeat ? "Front & Rear" : c.has(0.75) ? "Front" : NO);
        v.put("sunroof", c.body.name().equals(BodyType.CONVERTIBLE) ? NO
                : c.has(0.85) ? "Panoramic" : c.has(0.55) ? "Electric Single-pane" : NO);
        v.put("airPurifier", Docs.yesNo(c.has(0.65)));
        v.put("headsUpDisplay", Docs.yesNo(c.has(0.85)));
        v.put("cruiseControl", Docs.yesNo(c.has(0.5)));
        v.put("rainSensingWipers", Docs.yesNo(c.has(0.55)));
        v.put("automaticHeadlamp", Docs.yesNo(c.has(0.5)));
        v.put("followMeHomeHeadlights", Docs.yesNo(c.has(0.15)));
        v.put("keylessEntry", c.has(0.45) ? "Smart Key" : c.has(0.1) ? "Remote" : NO);
        v.put("ignition", pushButton ? "Push Button Start" : "Key");
        v.put("ambientLighting", Docs.yesNo(c.has(0.6)));
        v.put("steeringAdjustment", c.tier.atLeast(Tier.LUXURY) && c.has(1.0) ? "Electric Tilt & Telescopic"
                : c.has(0.45) ? "Tilt & Telescopic" : "Tilt");
        v.put("airConditioning", autoAc ? "Automatic Climate Control" : "Manual");
        v.put("climateZones", c.has(1.0) && rearSeat ? "4" : c.has(0.75) ? "2" : "1");
        v.put("climateControl", Docs.yesNo(autoAc));
        v.put("rearACVents", Docs.yesNo(rearSeat && (c.has(0.35) || c.body.name().equals(BodyType.MUV))));
        v.put("frontArmrest", Docs.yesNo(c.has(0.3)));
        v.put("rearArmrest", Docs.yesNo(rearSeat && c.has(0.45)));
        v.put("insideRearViewMirror", c.has(0.7) ? "Auto-dimming" : "Manual Day/Night");
        v.put("outsideRearViewMirrors", c.has(0.45) ? "Electrically Adjustable & Auto-folding"
                : c.has(0.1) ? "Electrically Adjustable" : "Manually Adjustable");
        v.put("steeringMountedControls", Docs.yesNo(c.has(0.25)));
        v.put("rearWindshieldDefogger", Docs.yesNo(c.has(0.25)));
        v.put("frontWindshieldDefogger", Docs.yesNo(c.has(0.95)));
        v.put("cooledGlovebox", Docs.yesNo(c.has(0.5)));
        v.put("pushButtonStart", Docs.yesNo(pushButton));
        v.put("powerWindows", c.body.doors() == 2 ? "Front" : c.has(0.1) ? "Front & Rear" : "Front Only");
        v.put("powerSteering", c.tier.atLeast(Tier.PREMIUM) ? "Electric (Speed-sensitive)" : "Electric");
    }

    private static void infotainment(Ctx c, Map<String, Object> v) {
        boolean touch = c.has(0.2);
        v.put("touchScreenInfotainment", Docs.yesNo(touch));
        v.put("infotainmentScreen", screen(c));
        v.put("androidAppleCarplay", c.has(0.55) ? "Wireless" : touch ? "Wired" : NO);
        v.put("speakers", c.has(1.0) ? "12" : c.has(0.8) ? "8" : c.has(0.45) ? "6" : c.has(0.2) ? "4" : "2");
        v.put("tweeters", c.has(0.8) ? "4" : c.has(0.45) ? "2" : "0");
        v.put("subwoofers", c.has(0.8) ? "1" : "0");
        v.put("usbCChargingPorts", c.has(0.9) ? "4" : c.has(0.5) ? "2" : c.has(0.2) ? "1" : "0");
        v.put("usbAChargingPorts", c.has(0.5) ? "2" : "1");
        v.put("twelvevChargingPorts", c.has(0.6) ? "2" : "1");
        v.put("wirelessCharging", Docs.yesNo(c.has(0.6)));
        v.put("bluetooth", Docs.yesNo(c.has(0.05)));
        v.put("usb", YES);
        v.put("aux", Docs.yesNo(!c.has(0.5)));
        v.put("androidAuto", Docs.yesNo(touch));
        v.put("appleCarPlay", Docs.yesNo(touch));
    }

    private static String screen(Ctx c) {
        if (c.has(1.0)) {
            return "14.9 inch";
        }
        if (c.has(0.8)) {
            return "12.3 inch";
        }
        if (c.has(0.55)) {
            return "10.25 inch";
        }
        if (c.has(0.35)) {
            return "9 inch";
        }
        return c.has(0.2) ? "7 inch" : NO;
    }

    private static void lighting(Ctx c, Map<String, Object> v) {
        String head = c.tier.atLeast(Tier.LUXURY) && c.has(1.0) ? "Matrix LED"
                : c.has(0.5) ? "LED Projector" : c.has(0.3) ? "LED Reflector" : "Halogen";
        String tail = c.has(0.7) ? "Connected LED" : c.has(0.3) ? "LED" : "Bulb";
        String fog = c.has(0.7) ? "LED" : c.has(0.35) ? "Halogen" : NO;
        String drl = c.has(0.25) ? "LED" : NO;
        v.put("headLights", head);
        v.put("headlights", head);
        v.put("tailLight", tail);
        v.put("tailLights", tail);
        v.put("frontFogLights", fog);
        v.put("fogLights", fog);
        v.put("daytimeRunningLights", drl);
        v.put("drl", drl);
    }

    private static void exterior(Ctx c, Map<String, Object> v) {
        String mirror = c.has(0.3) ? "Body Coloured with Turn Indicators" : c.has(0.1) ? "Body Coloured" : "Black";
        v.put("roofRails", Docs.yesNo(c.body.isUtility() && !c.body.name().equals(BodyType.PICKUP) && c.has(0.3)));
        v.put("radioAntenna", c.has(0.5) ? "Shark Fin" : "Roof-mounted");
        v.put("outsideRearViewMirror", mirror);
        v.put("orvm", mirror);
        v.put("sideIndicator", c.has(0.3) ? "Integrated in ORVM" : "On Fender");
        v.put("rearWindshieldWiper", Docs.yesNo(c.body.hasTailgate() && !c.body.name().equals(BodyType.PICKUP) && c.has(0.3)));
        v.put("alloyWheels", Docs.yesNo(c.has(0.45)));
    }

    private static void seating(Ctx c, Map<String, Object> v) {
        v.put("seatUpholstery", c.has(1.1) ? "Nappa Leather" : c.has(0.85) ? "Leather" : c.has(0.5) ? "Leatherette" : "Fabric");
        v.put("seatsAdjustment", c.has(0.95) ? "Powered (Front)" : c.has(0.75) ? "Powered (Driver)" : "Manual");
        v.put("driverSeatAdjustment", c.has(1.1) ? "12-way Powered with Memory" : c.has(0.75) ? "8-way Powered"
                : c.has(0.3) ? "6-way Manual (Height Adjustable)" : "4-way Manual");
        v.put("passengerSeatAdjustment", c.has(0.95) ? "8-way Powered" : c.has(0.5) ? "6-way Manual" : "4-way Manual");
        v.put("rearSeatAdjustment", c.plan.seating() <= 2 ? "No Rear Seat"
                : c.body.name().equals(BodyType.MUV) ? "Sliding & Reclining Second Row"
                : c.has(0.4) ? "60:40 Split Folding" : "Fixed Folding");
        v.put("welcomeSeats", Docs.yesNo(c.has(1.0)));
        v.put("memorySeats", Docs.yesNo(c.has(1.1)));
    }

    /** The variant's selling points, best first, taken from what it actually has. */
    private static List<String> highlights(Ctx c, Map<String, Object> v) {
        List<String> out = new ArrayList<>();
        if (!NO.equals(v.get("adasLevel"))) {
            out.add(v.get("adasLevel") + " ADAS");
        }
        if ("Panoramic".equals(v.get("sunroof"))) {
            out.add("Panoramic Sunroof");
        } else if (!NO.equals(v.get("sunroof"))) {
            out.add("Electric Sunroof");
        }
        if (!NO.equals(v.get("ventilatedSeats"))) {
            out.add("Ventilated Seats");
        }
        if ("360 Degree".equals(v.get("parkingCamera"))) {
            out.add("360-degree Camera");
        }
        if (!NO.equals(v.get("infotainmentScreen"))) {
            out.add(v.get("infotainmentScreen") + " Touchscreen");
        }
        if (YES.equals(v.get("wirelessCharging"))) {
            out.add("Wireless Charger");
        }
        out.add(v.get("airbags") + " Airbags");
        if (YES.equals(v.get("climateControl"))) {
            out.add("Automatic Climate Control");
        }
        if (YES.equals(v.get("cruiseControl"))) {
            out.add("Cruise Control");
        }
        out.add(v.get("headLights") + " Headlamps");
        if (YES.equals(v.get("alloyWheels"))) {
            out.add(c.wheelInch + "-inch Alloy Wheels");
        }
        if (YES.equals(v.get("esc"))) {
            out.add("Electronic Stability Control");
        }
        out.add("ABS with EBD");
        return out.subList(0, Math.min(6, out.size()));
    }

    private static void content(Ctx c, Map<String, Object> v, List<String> highlights) {
        ModelPlan plan = c.plan;
        Slot slot = c.slot;
        String position = slot.trimIndex() == 0 ? "the entry-level" : slot.trimIndex() == slot.trimCount() - 1
                ? "the top-spec" : "a mid-spec";
        String fullName = plan.fullName() + " " + slot.name();
        String efficiency = c.electric() ? "a claimed range of " + c.engine.range()
                : "a claimed " + c.pt.claimed();
        v.put("description", "The " + fullName + " is " + position + " " + c.pt.fuel()
                + " " + c.pt.transmission() + " version of the " + plan.name() + ", priced at " + Docs.rupees(c.price)
                + " (ex-showroom). It uses the " + c.engine.name() + " (" + c.engine.bhp() + " bhp, "
                + c.engine.torqueNm() + " Nm) and offers " + efficiency + ". Highlights include "
                + Docs.join(highlights.subList(0, Math.min(4, highlights.size()))) + ".");
        v.put("keyFeatures", String.join(", ", highlights));
        v.put("headerSummary", plan.name() + " " + slot.name() + ": " + Docs.rupees(c.price) + ", " + c.pt.fuel() + " "
                + c.pt.transmission() + ", " + plan.seating() + " seats, " + efficiency.replace("a claimed ", "") + ".");
        String edition = slot.edition() == null ? "" : " The " + slot.edition() + " adds unique badging and trim.";
        v.put("exteriorDesign", c.wheelInch + "-inch " + (YES.equals(v.get("alloyWheels")) ? "alloy" : "steel")
                + " wheels, " + v.get("headLights") + " headlamps, " + v.get("tailLight") + " tail lamps"
                + (NO.equals(v.get("drl")) ? "" : " and LED DRLs")
                + (YES.equals(v.get("roofRails")) ? ", with roof rails" : "") + "." + edition);
        v.put("comfortConvenience", v.get("airConditioning") + ", " + v.get("seatUpholstery") + " upholstery, "
                + (NO.equals(v.get("sunroof")) ? "no sunroof" : v.get("sunroof") + " sunroof")
                + (NO.equals(v.get("ventilatedSeats")) ? "" : ", ventilated seats (" + v.get("ventilatedSeats") + ")")
                + ", " + v.get("driverSeatAdjustment") + " driver's seat and " + v.get("keylessEntry") + " entry.");
    }

    private static List<Document> highlightImages(ModelPlan plan, String variantSlug, List<String> highlights, Rng rng) {
        int count = Math.min(highlights.size(), rng.between(2, 4));
        List<Document> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(Docs.image(plan.imageBase() + "/variants/" + variantSlug + "-" + (i + 1) + ".webp", highlights.get(i)));
        }
        return images;
    }

    /** Typical Indian-market tyre for a rim size. */
    static String tyre(int inch) {
        return switch (inch) {
            case 13 -> "155/80 R13";
            case 14 -> "165/70 R14";
            case 15 -> "185/65 R15";
            case 16 -> "205/60 R16";
            case 17 -> "215/60 R17";
            case 18 -> "235/55 R18";
            case 19 -> "245/45 R19";
            case 20 -> "255/45 R20";
            case 21 -> "275/40 R21";
            default -> "285/35 R" + inch;
        };
    }
}
