package com.motoroctane.devstack.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.devstack.seed.BrandSpec.RealModel;
import com.motoroctane.devstack.seed.ModelPlan.Dimensions;
import com.motoroctane.devstack.seed.ModelPlan.Engine;
import com.motoroctane.devstack.seed.ModelPlan.Powertrain;

/**
 * Decides every model up front: which brand it belongs to, its name, body, engines, powertrains,
 * dimensions, price band and how many variants it gets. Only small records are kept (10,000 at SCALE),
 * never documents.
 */
final class ModelPlanner {

    private static final LocalDate FIRST_LAUNCH = LocalDate.of(2015, 1, 1);
    private static final LocalDate LAST_LAUNCH = LocalDate.of(2026, 12, 31);
    private static final double POPULAR_SHARE = 0.15;
    private static final double NEW_SHARE = 0.10;
    private static final double TOP_SHARE = 0.05;
    private static final double INACTIVE_SHARE = 0.03;

    private static final List<List<Integer>> PETROL_CC = List.of(
            List.of(796, 998, 1197, 1199, 1462),
            List.of(998, 1197, 1199, 1462, 1482, 1497, 1498),
            List.of(1332, 1498, 1984, 1998, 2487),
            List.of(1991, 1998, 2995, 2998, 3982),
            List.of(2894, 3902, 3996, 4395, 5204, 6498, 6749));
    private static final List<List<Integer>> DIESEL_CC = List.of(
            List.of(1248, 1493, 1497),
            List.of(1493, 1497, 1498, 1956, 2184, 2198, 2393, 2755),
            List.of(1956, 1995, 2184, 2393, 2755),
            List.of(1993, 1997, 2993, 2996, 2997),
            List.of(2993, 2996));
    private static final List<List<Integer>> HYBRID_CC = List.of(
            List.of(1197, 1462),
            List.of(1490, 1498, 1987),
            List.of(1987, 2487),
            List.of(2487, 2494, 3456),
            List.of(2894, 3996, 6498));
    /** Turbo share by tier; the top of the market is almost all forced induction. */
    private static final double[] TURBO_CHANCE = {0.2, 0.45, 0.7, 0.9, 0.8};

    private static final Set<String> OFF_ROADERS = Set.of(
            "Thar", "Thar Roxx", "Jimny", "Gurkha", "Gurkha 5-Door", "Wrangler", "Defender", "G-Class", "Scorpio N",
            "Fortuner", "Fortuner Legender", "Land Cruiser 300", "Pajero Sport", "Endeavour", "MU-X", "Meridian",
            "Scorpio Classic", "Bolero");

    private final long seed;
    private final CatalogGenerator.Size size;
    private final Instant epoch;
    private final List<BrandSpec> brands;

    ModelPlanner(long seed, CatalogGenerator.Size size, Instant epoch, List<BrandSpec> brands) {
        this.seed = seed;
        this.size = size;
        this.epoch = epoch;
        this.brands = brands;
    }

    List<ModelPlan> plan() {
        int[] perBrand = modelsPerBrand();
        List<Draft> drafts = new ArrayList<>(size.models());
        for (int b = 0; b < brands.size(); b++) {
            for (String name : modelNames(b, perBrand[b])) {
                drafts.add(new Draft(drafts.size(), b, name));
            }
        }
        int[] variantCounts = variantCounts(drafts);
        List<ModelPlan> plans = new ArrayList<>(drafts.size());
        long firstVariant = 0;
        for (Draft d : drafts) {
            plans.add(planModel(d, variantCounts[d.index], firstVariant));
            firstVariant += variantCounts[d.index];
        }
        return assignRanks(plans);
    }

    private record Draft(int index, int brandIndex, String name) {
    }

    // --- how many of what ---------------------------------------------------------------------------

    private int[] modelsPerBrand() {
        double[] weights = brands.stream().mapToDouble(BrandSpec::weight).toArray();
        int floor = size.models() >= brands.size() ? 1 : 0;
        return apportion(size.models(), weights, floor);
    }

    /**
     * Mass-market models get long variant lists and supercars short ones, as in the real catalogue,
     * while the total stays exactly models x variantsPerModel.
     */
    private int[] variantCounts(List<Draft> drafts) {
        Rng rng = Rng.of(seed, Rng.RANKS, -1);
        double[] weights = new double[drafts.size()];
        for (Draft d : drafts) {
            double tierWeight = switch (brands.get(d.brandIndex).tier()) {
                case BUDGET -> 1.0;
                case MID -> 1.3;
                case PREMIUM -> 0.9;
                case LUXURY -> 0.6;
                case ULTRA -> 0.3;
            };
            weights[d.index] = tierWeight * rng.between(0.5, 1.5);
        }
        long total = (long) size.models() * size.variantsPerModel();
        return apportion(Math.toIntExact(total), weights, Math.min(2, size.variantsPerModel()));
    }

    /** Largest-remainder apportionment of total over weights, each share at least floor; ties go to the lower index. */
    static int[] apportion(int total, double[] weights, int floor) {
        int n = weights.length;
        int[] shares = new int[n];
        int rest = total - floor * n;
        if (rest < 0) {
            throw new IllegalArgumentException("Cannot give " + n + " shares at least " + floor + " out of " + total);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] remainders = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = rest * weights[i] / sum;
            shares[i] = floor + (int) Math.floor(exact);
            remainders[i] = exact - Math.floor(exact);
            given += shares[i] - floor;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -remainders[i]).thenComparingInt(i -> i));
        for (int k = 0; k < rest - given; k++) {
            shares[order.get(k)]++;
        }
        return shares;
    }

    /**
     * Real names first, then invented ones; past that, generation suffixes ("Velora Gen 2"). Keyed by
     * slug because the slug, not the name, is what must be unique within the brand.
     */
    private List<String> modelNames(int brandIndex, int count) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (RealModel real : brands.get(brandIndex).realModels()) {
            addName(bySlug, real.name(), count);
        }
        for (String invented : Rng.of(seed, Rng.NAMES, brandIndex).shuffled(Names.INVENTED_MODELS)) {
            addName(bySlug, invented, count);
        }
        List<String> bases = List.copyOf(bySlug.values());
        for (int generation = 2; bySlug.size() < count; generation++) {
            for (String base : bases) {
                addName(bySlug, base + " Gen " + generation, count);
            }
        }
        return List.copyOf(bySlug.values());
    }

    private static void addName(Map<String, String> bySlug, String name, int limit) {
        if (bySlug.size() < limit) {
            bySlug.putIfAbsent(CatalogFields.slug(name), name);
        }
    }

    // --- one model ----------------------------------------------------------------------------------

    private ModelPlan planModel(Draft draft, int variantCount, long firstVariant) {
        Rng rng = Rng.of(seed, Rng.MODEL, draft.index);
        BrandSpec brand = brands.get(draft.brandIndex);
        Tier tier = brand.tier();
        RealModel real = brand.realModels().stream().filter(r -> r.name().equals(draft.name)).findFirst().orElse(null);

        BodyType body = real != null ? BodyType.named(real.bodyType())
                : rng.weighted(BodyType.ALL, tier.bodyTypeWeights);
        boolean electric = brand.electricOnly() || (real != null && real.electric())
                || (real == null && brand.sells('E') && rng.chance(0.08));
        boolean offRoader = body.name().equals(BodyType.PICKUP)
                || (body.name().equals(BodyType.SUV) && (real != null ? OFF_ROADERS.contains(real.name()) : rng.chance(0.2)));
        double sizePosition = 0.15 * tier.ordinal() + rng.between(0.0, 0.45);
        LocalDate launch = FIRST_LAUNCH.plusDays(rng.between(0, (int) ChronoUnit.DAYS.between(FIRST_LAUNCH, LAST_LAUNCH)));

        Dimensions dims = dimensions(body, sizePosition, electric, rng);
        List<Engine> engines = new ArrayList<>();
        for (String fuel : fuels(brand, body, electric, rng)) {
            engines.add(engine(fuel, tier, engines, rng));
        }
        List<Powertrain> powertrains = powertrains(engines, tier, body, dims, variantCount, rng);
        engines.removeIf(e -> powertrains.stream().noneMatch(p -> p.fuel().equals(e.fuel())));

        String brandSlug = CatalogFields.slug(brand.name());
        String brandId = "brand-" + brandSlug;
        String slug = CatalogFields.slug(draft.name);
        String[] drives = drives(tier, body, electric, offRoader);
        double trimStep = rng.between(0.09, 0.17);
        return new ModelPlan(draft.index, brand, draft.brandIndex + 1, brandId, brandSlug,
                "model-" + brandId + "-" + slug, draft.name, slug, real != null,
                body, body.subType(tier), rng.pick(body.seatings()), launch,
                List.copyOf(engines), powertrains, dims, ncap(tier, rng), drives[0], drives[1], offRoader,
                entryPrice(tier, body, electric, brand.trims().size(), trimStep, rng), trimStep, variantCount, firstVariant,
                !rng.chance(INACTIVE_SHARE), null, null, null,
                epoch.plusSeconds(draft.index * 600L + rng.between(0, 599)));
    }

    private static Dimensions dimensions(BodyType body, double f, boolean electric, Rng rng) {
        int length = body.length().at(f);
        int boot = body.boot().at(rng.unit());
        Integer folded = body.hasTailgate() && !body.name().equals(BodyType.PICKUP)
                ? (int) Math.round(boot * rng.between(2.2, 3.0)) : null;
        int kerb = (int) Math.round(body.kerbWeight().at(f) * (electric ? 1.15 : 1.0));
        double turning = 4.6 + (length - 3500) / 1900.0 * 1.4 + rng.between(-0.1, 0.1);
        return new Dimensions(length, body.width().at(f), body.height().at(rng.unit()), body.wheelbase().at(f),
                body.groundClearance().at(rng.unit()), boot, folded, kerb,
                electric ? null : body.fuelTank().at(f), body.wheelInch().at(f * 0.8),
                Math.round(turning * 10) / 10.0);
    }

    private static List<String> fuels(BrandSpec brand, BodyType body, boolean electric, Rng rng) {
        if (electric) {
            return List.of("Electric");
        }
        Tier tier = brand.tier();
        List<String> fuels = new ArrayList<>();
        if (brand.sells('P')) {
            fuels.add("Petrol");
        }
        if (brand.sells('D') && (!brand.sells('P')
                || (tier != Tier.ULTRA && rng.chance(body.isUtility() ? 0.65 : 0.25)))) {
            fuels.add("Diesel");
        }
        if (brand.sells('C') && !tier.atLeast(Tier.PREMIUM) && !body.isLowSlung()
                && !body.name().equals(BodyType.PICKUP) && fuels.contains("Petrol") && rng.chance(0.4)) {
            fuels.add("CNG");
        }
        if (brand.sells('H') && (fuels.isEmpty() || rng.chance(0.3))) {
            fuels.add("Hybrid");
        }
        if (fuels.isEmpty()) {
            fuels.add("Petrol");
        }
        return fuels;
    }

    private static Engine engine(String fuel, Tier tier, List<Engine> earlier, Rng rng) {
        int t = tier.ordinal();
        return switch (fuel) {
            case "Electric" -> electricMotor(tier, rng);
            case "Diesel" -> combustion("Diesel", rng.pick(DIESEL_CC.get(t)), true, tier, rng, null, null);
            case "CNG" -> cng(earlier.stream().filter(e -> e.fuel().equals("Petrol")).findFirst().orElseThrow());
            case "Hybrid" -> {
                String kind = switch (tier) {
                    case BUDGET, MID -> rng.chance(0.5) ? "Strong Hybrid" : "Mild Hybrid";
                    case PREMIUM, LUXURY -> "Self-charging Hybrid";
                    case ULTRA -> "Plug-in Hybrid";
                };
                double battery = switch (kind) {
                    case "Mild Hybrid" -> rng.between(0.2, 0.5);
                    case "Plug-in Hybrid" -> rng.between(7.0, 25.0);
                    default -> rng.between(0.7, 1.8);
                };
                yield combustion("Hybrid", rng.pick(HYBRID_CC.get(t)), tier == Tier.ULTRA, tier, rng, kind,
                        Math.round(battery * 100) / 100.0);
            }
            default -> combustion("Petrol", rng.pick(PETROL_CC.get(t)), rng.chance(TURBO_CHANCE[t]), tier, rng, null, null);
        };
    }

    private static Engine combustion(String fuel, int cc, boolean turbo, Tier tier, Rng rng, String hybridType,
                                     Double hybridBattery) {
        boolean ultra = tier == Tier.ULTRA;
        boolean diesel = fuel.equals("Diesel");
        double perLitre;
        if (diesel) {
            perLitre = tier.atLeast(Tier.LUXURY) ? rng.between(95, 120) : rng.between(62, 95);
        } else if (turbo) {
            perLitre = ultra ? rng.between(140, 175) : tier.atLeast(Tier.PREMIUM) ? rng.between(95, 130) : rng.between(85, 120);
        } else {
            perLitre = ultra ? rng.between(95, 125) : tier.atLeast(Tier.PREMIUM) ? rng.between(75, 95) : rng.between(62, 82);
        }
        if (hybridType != null && !hybridType.equals("Mild Hybrid")) {
            perLitre *= 1.2; // the electric motor's contribution to combined output
        }
        int bhp = (int) Math.round(cc / 1000.0 * perLitre);
        int powerRpm = roundTo(diesel ? rng.between(3500, 4000) : ultra ? rng.between(6000, 8500)
                : turbo ? rng.between(5000, 6000) : rng.between(5500, 6600), 100);
        double nmPerLitre = diesel ? rng.between(165, 230) : turbo ? (ultra ? rng.between(150, 200) : rng.between(140, 175))
                : rng.between(88, 102);
        int torque = (int) Math.round(cc / 1000.0 * nmPerLitre);
        String torqueRpm = diesel || turbo
                ? roundTo(rng.between(1250, diesel ? 1750 : 2000), 50) + "-" + roundTo(rng.between(diesel ? 2500 : 3500, diesel ? 3000 : 5000), 100)
                : String.valueOf(roundTo(rng.between(3500, 4800), 100));
        int cylinders = cc < 1000 ? 3 : cc < 1250 ? (rng.chance(0.5) ? 3 : 4) : cc < 2600 ? 4 : cc < 4500 ? (cc < 3500 ? 6 : 8) : 12;
        String litres = Docs.decimal(cc / 1000.0) + "L";
        String name = switch (fuel) {
            case "Hybrid" -> litres + " Petrol " + hybridType;
            case "Diesel" -> litres + " Turbo Diesel";
            default -> litres + (turbo ? " Turbo Petrol" : " Petrol");
        };
        String type = cylinders + " Cylinder, " + cylinders * 4 + " Valves DOHC" + (turbo ? ", Turbocharged" : "");
        return new Engine(fuel, name, type, cc, turbo, bhp, powerRpm, torque, torqueRpm, null, null, null,
                hybridBattery, hybridType);
    }

    /** A factory CNG kit runs on the petrol engine, detuned. */
    private static Engine cng(Engine petrol) {
        String name = Docs.decimal(petrol.cc() / 1000.0) + "L Petrol + CNG";
        return new Engine("CNG", name, petrol.type(), petrol.cc(), false, (int) Math.round(petrol.bhp() * 0.87),
                petrol.powerRpm(), (int) Math.round(petrol.torqueNm() * 0.85), petrol.turbo() ? "4300" : petrol.torqueRpm(),
                null, null, null, null, null);
    }

    private static Engine electricMotor(Tier tier, Rng rng) {
        double kwh = switch (tier) {
            case BUDGET -> rng.between(17.0, 32.0);
            case MID -> rng.between(30.0, 55.0);
            case PREMIUM -> rng.between(55.0, 85.0);
            case LUXURY -> rng.between(70.0, 110.0);
            case ULTRA -> rng.between(90.0, 120.0);
        };
        kwh = Math.round(kwh * 10) / 10.0;
        int bhp = switch (tier) {
            case BUDGET -> rng.between(45, 145);
            case MID -> rng.between(130, 230);
            case PREMIUM -> rng.between(200, 400);
            case LUXURY -> rng.between(280, 600);
            case ULTRA -> rng.between(550, 900);
        };
        double kmPerKwh = tier.atLeast(Tier.LUXURY) ? rng.between(5.5, 7.0)
                : tier == Tier.PREMIUM ? rng.between(7.0, 8.5) : rng.between(9.0, 11.5);
        int dcKw = new int[] {25, 50, 100, 150, 250}[tier.ordinal()];
        String charging = kwh < 20
                ? Math.round(kwh / 3.3 * 1.1) + " h (0-100%, 3.3 kW AC)"
                : Math.round(kwh * 0.7 / dcKw * 60 * 1.25) + " min (10-80%, " + dcKw + " kW DC)";
        return new Engine("Electric", Docs.decimal(kwh) + " kWh Electric", "Permanent Magnet Synchronous Motor", null,
                false, bhp, 0, (int) Math.round(bhp * rng.between(1.4, 2.2)), null, kwh,
                (int) Math.round(kwh * kmPerKwh), charging, null, null);
    }

    private static List<Powertrain> powertrains(List<Engine> engines, Tier tier, BodyType body, Dimensions dims,
                                                int variantCount, Rng rng) {
        List<Powertrain> result = new ArrayList<>();
        for (Engine engine : engines) {
            for (String transmission : transmissions(engine.fuel(), tier, rng)) {
                int gears = gears(engine.fuel(), transmission, tier, rng);
                result.add(new Powertrain(engine.fuel(), transmission, gears,
                        mileage(engine, transmission, tier, body, dims, rng)));
            }
        }
        // Every powertrain must get a variant, so a short line-up offers fewer of them.
        return List.copyOf(result.subList(0, Math.min(result.size(), Math.max(1, variantCount))));
    }

    private static List<String> transmissions(String fuel, Tier tier, Rng rng) {
        List<String> list = new ArrayList<>();
        switch (fuel) {
            case "Electric" -> list.add("Automatic");
            case "Hybrid" -> list.add(tier.atLeast(Tier.PREMIUM) ? "Automatic" : "CVT");
            case "CNG" -> {
                list.add("Manual");
                if (tier == Tier.BUDGET && rng.chance(0.3)) {
                    list.add("AMT");
                }
            }
            case "Diesel" -> {
                if (!tier.atLeast(Tier.LUXURY) && (tier != Tier.PREMIUM || rng.chance(0.4))) {
                    list.add("Manual");
                }
                if (tier.atLeast(Tier.PREMIUM) || rng.chance(0.6)) {
                    list.add("Automatic");
                }
            }
            default -> {
                switch (tier) {
                    case BUDGET -> {
                        list.add("Manual");
                        if (rng.chance(0.7)) {
                            list.add(rng.pick(List.of("AMT", "AMT", "CVT")));
                        }
                    }
                    case MID -> {
                        list.add("Manual");
                        if (rng.chance(0.8)) {
                            list.add(rng.pick(List.of("Automatic", "CVT", "DCT", "AMT")));
                        }
                    }
                    case PREMIUM -> {
                        if (rng.chance(0.4)) {
                            list.add("Manual");
                        }
                        list.add(rng.pick(List.of("Automatic", "DCT")));
                    }
                    default -> list.add(rng.pick(List.of("Automatic", "Automatic", "DCT")));
                }
            }
        }
        return list;
    }

    private static int gears(String fuel, String transmission, Tier tier, Rng rng) {
        return switch (transmission) {
            case "Manual" -> tier == Tier.BUDGET && !fuel.equals("Diesel") ? 5 : rng.chance(0.6) ? 6 : 5;
            case "AMT" -> 5;
            case "CVT" -> 7; // Indian spec sheets quote the stepped "7-step" CVT logic
            case "DCT" -> tier.atLeast(Tier.LUXURY) ? rng.pick(List.of(7, 8)) : rng.pick(List.of(6, 7));
            default -> fuel.equals("Electric") ? 1 : tier.atLeast(Tier.LUXURY) ? rng.pick(List.of(8, 9)) : rng.pick(List.of(6, 8));
        };
    }

    /** ARAI-style claimed figure; null for EVs, whose efficiency is their range. */
    private static Double mileage(Engine engine, String transmission, Tier tier, BodyType body, Dimensions dims, Rng rng) {
        if (engine.electric()) {
            return null;
        }
        double litres = engine.cc() / 1000.0;
        double gearbox = switch (transmission) {
            case "AMT" -> 0.4;
            case "CVT" -> 0.3;
            case "DCT" -> -0.2;
            case "Automatic" -> -1.2;
            default -> 0.0;
        };
        double bodyPenalty = body.isUtility() ? -1.5 : body.isLowSlung() ? -1.0 : 0.0;
        double heavy = -(dims.kerbWeight() - 1000) / 500.0;
        double value = switch (engine.fuel()) {
            case "Diesel" -> clamp(27.5 - (litres - 1.2) * 4.5 + gearbox + bodyPenalty + heavy * 0.5 + rng.between(-0.8, 0.8), 10, 26);
            case "CNG" -> clamp((25.0 - (litres - 1.0) * 4.2 + bodyPenalty) * 1.3 + rng.between(-1.0, 1.0), 18, 35);
            case "Hybrid" -> "Mild Hybrid".equals(engine.hybridType())
                    ? clamp(22.0 - (litres - 1.2) * 3.0 + gearbox + rng.between(-0.8, 0.8), 14, 24)
                    : clamp(27.0 - (litres - 1.5) * 4.0 + bodyPenalty + rng.between(-1.0, 1.0), 9, 29);
            default -> clamp(25.0 - (litres - 1.0) * 4.2 - (engine.turbo() ? 0.8 : 0.0) + gearbox + bodyPenalty
                    + heavy * 0.5 + rng.between(-0.8, 0.8), tier == Tier.ULTRA ? 5.5 : 7.0, 26);
        };
        return Math.round(value * 10) / 10.0;
    }

    private static String ncap(Tier tier, Rng rng) {
        List<String> ratings = List.of("5 Star", "4 Star", "3 Star", "2 Star", "1 Star", "Not Tested");
        int[] weights = switch (tier) {
            case BUDGET, MID -> new int[] {30, 20, 15, 6, 4, 25};
            case PREMIUM -> new int[] {35, 15, 5, 0, 0, 45};
            default -> new int[] {10, 0, 0, 0, 0, 90};
        };
        return rng.weighted(ratings, weights);
    }

    /** {base trims, top trims}: top trims of SUVs and fast cars add a driven axle. */
    private static String[] drives(Tier tier, BodyType body, boolean electric, boolean offRoader) {
        String name = body.name();
        String base;
        if (offRoader || body.isLowSlung() || (tier.atLeast(Tier.LUXURY) && name.equals(BodyType.SEDAN))) {
            base = "RWD";
        } else if (tier.atLeast(Tier.LUXURY) && name.equals(BodyType.SUV)) {
            base = "AWD";
        } else {
            base = "FWD";
        }
        String top;
        if (offRoader) {
            top = "4WD";
        } else if (tier == Tier.ULTRA || (tier.atLeast(Tier.PREMIUM) && (name.equals(BodyType.SUV) || electric))) {
            top = "AWD";
        } else {
            top = base;
        }
        return new String[] {base, top};
    }

    /**
     * The base variant's price. Capped so that the dearest variant (top trim, costliest powertrain and
     * edition) still stays under MAX_PRICE: clamping variants instead would flatten whole top-ends to
     * one price.
     */
    private static long entryPrice(Tier tier, BodyType body, boolean electric, int trims, double trimStep, Rng rng) {
        double bodyFactor = switch (body.name()) {
            case BodyType.HATCHBACK -> 0.85;
            case BodyType.COMPACT_SUV -> 0.95;
            case BodyType.SUV -> 1.25;
            case BodyType.MUV -> 1.1;
            case BodyType.COUPE -> 1.3;
            case BodyType.CONVERTIBLE -> 1.4;
            case BodyType.PICKUP -> 1.15;
            default -> 1.0;
        };
        double position = Math.pow(rng.unit(), 1.3);
        double price = (tier.entryFloor + (tier.entryCeiling - tier.entryFloor) * position) * bodyFactor;
        if (electric && !tier.atLeast(Tier.PREMIUM)) {
            price *= 1.4; // the battery premium is steepest at the bottom of the market
        }
        double dearest = (1 + trimStep * (trims - 1)) * VariantDocuments.MAX_PREMIUM;
        price = Math.min(price, CatalogGenerator.MAX_PRICE / dearest);
        return Math.max(CatalogGenerator.MIN_PRICE, Math.round(price / 1000.0) * 1000);
    }

    // --- ranks across the whole catalogue -----------------------------------------------------------

    /**
     * Popular models lean towards real names from mass-market brands, new ones are the latest
     * launches; topRank marks the head of the popular list. Ranks are unique and start at 1.
     */
    private List<ModelPlan> assignRanks(List<ModelPlan> plans) {
        int n = plans.size();
        Rng rng = Rng.of(seed, Rng.RANKS, 0);
        double[] score = new double[n];
        for (ModelPlan p : plans) {
            score[p.index()] = rng.unit() + (p.realName() ? 1.0 : 0.0) + (p.brand().tier().atLeast(Tier.PREMIUM) ? 0.0 : 0.5);
        }
        List<ModelPlan> candidates = plans.stream().filter(p -> p.active() && p.brand().active()).toList();

        Integer[] popular = new Integer[n];
        List<ModelPlan> byScore = new ArrayList<>(candidates);
        byScore.sort(Comparator.<ModelPlan>comparingDouble(p -> -score[p.index()]).thenComparingInt(ModelPlan::index));
        int popularCount = Math.min(byScore.size(), (int) Math.round(n * POPULAR_SHARE));
        for (int r = 0; r < popularCount; r++) {
            popular[byScore.get(r).index()] = r + 1;
        }

        Integer[] fresh = new Integer[n];
        List<ModelPlan> byLaunch = new ArrayList<>(candidates);
        byLaunch.sort(Comparator.comparing(ModelPlan::launchDate).reversed().thenComparingInt(ModelPlan::index));
        int newCount = Math.min(byLaunch.size(), (int) Math.round(n * NEW_SHARE));
        for (int r = 0; r < newCount; r++) {
            fresh[byLaunch.get(r).index()] = r + 1;
        }

        int topCount = Math.min(popularCount, Math.max(1, (int) Math.round(n * TOP_SHARE)));
        List<ModelPlan> ranked = new ArrayList<>(n);
        for (ModelPlan p : plans) {
            Integer pop = popular[p.index()];
            ranked.add(p.withRanks(pop, fresh[p.index()], pop != null && pop <= topCount ? pop : null));
        }
        return List.copyOf(ranked);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int roundTo(double v, int step) {
        return (int) Math.round(v / step) * step;
    }
}
