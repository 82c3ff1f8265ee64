package com.motoroctane.devstack.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything decided about one model before any document is written. Model and variant documents
 * are both rendered from it, which is what keeps a model's fuel types, mileage and engines consistent
 * with its variants without holding the variants in memory.
 */
record ModelPlan(int index, BrandSpec brand, int brandRanking, String brandId, String brandSlug,
                 String id, String name, String slug, boolean realName,
                 BodyType body, String subBodyType, int seating, LocalDate launchDate,
                 List<Engine> engines, List<Powertrain> powertrains, Dimensions dims,
                 String ncapRating, String baseDrive, String topDrive, boolean offRoader,
                 long entryPrice, double trimStep, int variantCount, long firstVariant, boolean active,
                 Integer popularRank, Integer newRank, Integer topRank, Instant createdAt) {

    /** One engine or motor; variants with the same fuel share it. */
    record Engine(String fuel, String name, String type, Integer cc, boolean turbo, int bhp, int powerRpm,
                  int torqueNm, String torqueRpm, Double batteryKwh, Integer rangeKm, String chargingTime,
                  Double hybridBatteryKwh, String hybridType) {

        boolean electric() {
            return batteryKwh != null;
        }

        String displacement() {
            return cc == null ? null : cc + " cc";
        }

        String power() {
            return powerRpm == 0 ? bhp + " bhp" : bhp + " bhp @ " + powerRpm + " rpm";
        }

        String torque() {
            return torqueRpm == null ? torqueNm + " Nm" : torqueNm + " Nm @ " + torqueRpm + " rpm";
        }

        String battery() {
            return batteryKwh == null ? null : Docs.decimal(batteryKwh) + " kWh";
        }

        String range() {
            return rangeKm == null ? null : rangeKm + " km";
        }
    }

    /** A fuel and gearbox combination the model is sold with; each gets at least one variant. */
    record Powertrain(String fuel, String transmission, int gears, Double mileage) {

        String mileageUnit() {
            return fuel.equals("CNG") ? "km/kg" : "kmpl";
        }

        String claimed() {
            return mileage == null ? null : Docs.decimal(mileage) + " " + mileageUnit();
        }

        /** Real-world figures derive from the claim without randomness, so model and variants agree. */
        String city() {
            return mileage == null ? null : Docs.decimal(mileage * 0.76) + " " + mileageUnit();
        }

        String highway() {
            return mileage == null ? null : Docs.decimal(mileage * 0.9) + " " + mileageUnit();
        }

        String speed() {
            return switch (transmission) {
                case "CVT" -> "CVT";
                case "Automatic" -> fuel.equals("Electric") ? "Single-Speed" : gears + "-Speed";
                default -> gears + "-Speed";
            };
        }

        String gearbox() {
            return switch (transmission) {
                case "CVT" -> "CVT";
                case "DCT" -> gears + "-Speed Dual Clutch (DCT)";
                case "AMT" -> gears + "-Speed AMT";
                case "Automatic" -> fuel.equals("Electric") ? "Single-Speed Automatic" : gears + "-Speed Automatic";
                default -> gears + "-Speed Manual";
            };
        }

        String nameToken() {
            return switch (transmission) {
                case "Automatic" -> "AT";
                case "Manual" -> "";
                default -> transmission;
            };
        }
    }

    /** Sizes in mm, litres and kg; {@code bootFolded} and {@code fuelTank} are null where they do not apply. */
    record Dimensions(int length, int width, int height, int wheelbase, int groundClearance, int boot,
                      Integer bootFolded, int kerbWeight, Integer fuelTank, int wheelInch, double turningRadius) {
    }

    ModelPlan withRanks(Integer popular, Integer fresh, Integer top) {
        return new ModelPlan(index, brand, brandRanking, brandId, brandSlug, id, name, slug, realName, body,
                subBodyType, seating, launchDate, engines, powertrains, dims, ncapRating, baseDrive, topDrive,
                offRoader, entryPrice, trimStep, variantCount, firstVariant, active, popular, fresh, top,
                createdAt);
    }

    Engine engine(String fuel) {
        return engines.stream().filter(e -> e.fuel().equals(fuel)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " has no " + fuel + " engine"));
    }

    String primaryFuel() {
        return powertrains.get(0).fuel();
    }

    boolean electric() {
        return primaryFuel().equals("Electric");
    }

    List<String> fuelTypes() {
        List<String> fuels = new ArrayList<>();
        powertrains.forEach(p -> addOnce(fuels, p.fuel()));
        return fuels;
    }

    List<String> transmissions() {
        List<String> transmissions = new ArrayList<>();
        powertrains.forEach(p -> addOnce(transmissions, p.transmission()));
        return transmissions;
    }

    List<String> transmissions(String fuel) {
        List<String> transmissions = new ArrayList<>();
        powertrains.stream().filter(p -> p.fuel().equals(fuel)).forEach(p -> addOnce(transmissions, p.transmission()));
        return transmissions;
    }

    String fullName() {
        return brand.name() + " " + name;
    }

    String imageBase() {
        return "/uploads/models/" + brandSlug + "-" + slug;
    }

    /** Spelt out here rather than via the JDK's locale data, whose month names vary between versions. */
    String launchMonth() {
        return MONTHS.get(launchDate.getMonthValue() - 1) + " " + launchDate.getYear();
    }

    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
