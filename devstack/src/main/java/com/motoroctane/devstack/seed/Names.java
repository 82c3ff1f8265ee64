package com.motoroctane.devstack.seed;

import java.util.ArrayList;
import java.util.List;

/** Word lists the generator draws from once the real names run out. */
final class Names {

    private static final List<String> PREFIXES = List.of(
            "Aur", "Vel", "Zen", "Tor", "Kai", "Sol", "Ter", "Nov", "Cor", "Lum", "Vir", "Sier", "Tav", "Mir",
            "Ori", "Cal", "Dra", "Ven", "Ast", "Bel", "Cas", "Del", "Elv", "Fal", "Gal", "Hel", "Ily", "Jar",
            "Kor", "Lan", "Mar", "Nex", "Oct", "Pal", "Qua", "Riv", "Sav", "Tri", "Ul", "Vay");
    private static final List<String> SUFFIXES = List.of(
            "a", "o", "ia", "ion", "is", "ra", "ano", "ex", "ero", "ix", "us", "ara", "eon", "ino", "ora");

    /** 600 plausible, brand-neutral model names ("Velora", "Kaiex"), in a fixed order. */
    static final List<String> INVENTED_MODELS = invented();

    /** Special-edition suffixes; the lists of real Indian variants are full of them. */
    static final List<String> EDITIONS = List.of(
            "Dual Tone", "Dark Edition", "Opt", "Black Edition", "Night Edition", "Signature", "Adventure Edition",
            "Kaziranga Edition", "Anniversary Edition", "Sport", "Tech Pack", "Style Pack", "Blackstorm",
            "Red Dark Edition", "Camo Edition");

    static final List<String> COLOURS = List.of(
            "Arctic White", "Pearl Midnight Black", "Magma Grey", "Splendid Silver", "Sizzling Red", "Nexa Blue",
            "Opulent Red", "Daytona Grey", "Calypso Red", "Pristine White", "Atlas Black", "Titan Grey",
            "Ocean Blue", "Forest Green", "Tango Orange", "Abyss Black", "Fiery Red", "Starry Night",
            "Everest White", "Galactic Grey", "Napoli Black", "Deep Forest", "Stealth Black", "Moonlight Silver",
            "Sunburst Orange", "Coral Blue", "Metallic Bronze", "Sapphire Blue");

    static final List<String> GALLERY_CAPTIONS = List.of(
            "Front three-quarter", "Rear three-quarter", "Side profile", "Front", "Rear", "Dashboard",
            "Front seats", "Rear seats", "Headlamp", "Tail lamp", "Alloy wheel", "Steering wheel",
            "Instrument cluster", "Centre console");

    static final List<String> KEY_FEATURE_CAPTIONS = List.of(
            "Touchscreen infotainment", "Digital driver display", "Sunroof", "Ventilated front seats",
            "360-degree camera", "Wireless charger", "Connected-car tech", "Premium sound system", "ADAS suite");

    static final List<String> SPACE_COMFORT_CAPTIONS = List.of(
            "Rear legroom", "Front-row comfort", "Rear AC vents", "Headroom", "Rear armrest", "Third row");

    static final List<String> STORAGE_CAPTIONS = List.of(
            "Boot space", "Glovebox", "Door pockets", "Centre console storage", "Under-floor storage");

    static final List<String> PROS = List.of(
            "Spacious and practical cabin", "Strong safety kit for the price", "Efficient engines",
            "Comfortable ride on broken roads", "Feature-rich top trims", "Wide choice of powertrains",
            "Refined and quiet at highway speeds", "Easy to drive in city traffic", "Strong resale value",
            "Large service network", "Good ground clearance", "Premium-feeling interior");

    static final List<String> CONS = List.of(
            "Base trims miss out on key features", "Rear seat is best for two adults", "Boot could be larger",
            "Automatic only on higher trims", "Firm low-speed ride", "Some cabin plastics feel cheap",
            "Waiting periods can be long", "Road noise creeps in at speed", "Third row is tight for adults",
            "Top trims are expensive");

    private Names() {
    }

    private static List<String> invented() {
        List<String> names = new ArrayList<>(PREFIXES.size() * SUFFIXES.size());
        for (String prefix : PREFIXES) {
            for (String suffix : SUFFIXES) {
                names.add(prefix + suffix);
            }
        }
        return List.copyOf(names);
    }
}
