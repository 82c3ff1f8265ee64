package com.motoroctane.compare.spec;

/**
 * The canonical unit of each quantity family. Every parsed value is converted into its family's one
 * unit (PS, hp and kW become bhp; kgm becomes Nm; metres become mm), so values of one family compare
 * directly. Families never mix: kmpl, km/kg and a battery range in km are three families, because a
 * petrol car's 17 kmpl is not "less" than a CNG car's 26 km/kg.
 */
public enum Unit {
    BHP(Family.POWER, "bhp"),
    NM(Family.TORQUE, "Nm"),
    KMPL(Family.FUEL_EFFICIENCY, "kmpl"),
    KM_PER_KG(Family.GAS_EFFICIENCY, "km/kg"),
    KM_RANGE(Family.RANGE, "km"),
    CC(Family.DISPLACEMENT, "cc"),
    MM(Family.LENGTH, "mm"),
    LITRE(Family.VOLUME, "litres"),
    KG(Family.MASS, "kg"),
    RUPEE(Family.MONEY, "₹"),
    STAR(Family.RATING, "stars"),
    COUNT(Family.COUNT, "count"),
    SECONDS(Family.TIME, "s"),
    KMPH(Family.SPEED, "km/h"),
    KWH(Family.ENERGY, "kWh"),
    INCH(Family.SIZE, "inch");

    /** A kind of quantity; values of different families are never compared. */
    public enum Family {
        POWER, TORQUE,
        /** Petrol and diesel efficiency, km per litre. */
        FUEL_EFFICIENCY,
        /** CNG efficiency, km per kg. */
        GAS_EFFICIENCY,
        /** Distance on one charge (or one tank, where stated as plain km). */
        RANGE,
        DISPLACEMENT, LENGTH, VOLUME, MASS, MONEY,
        /** Crash-test stars, 0 to 5. */
        RATING,
        /** Whole numbers of things: airbags, speakers, seats, doors, gears, ports. */
        COUNT,
        TIME, SPEED, ENERGY,
        /** Rim and screen sizes in inches. */
        SIZE;

        public Unit canonical() {
            for (Unit u : Unit.values()) {
                if (u.family == this) {
                    return u;
                }
            }
            throw new IllegalStateException("no unit for " + this);
        }
    }

    private final Family family;
    private final String label;

    Unit(Family family, String label) {
        this.family = family;
        this.label = label;
    }

    public Family family() {
        return family;
    }

    /** How the unit is written next to a number, e.g. "bhp", "km/kg". */
    public String label() {
        return label;
    }
}
