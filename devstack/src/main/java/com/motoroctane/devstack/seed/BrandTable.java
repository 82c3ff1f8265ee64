package com.motoroctane.devstack.seed;

import static com.motoroctane.devstack.seed.Tier.BUDGET;
import static com.motoroctane.devstack.seed.Tier.LUXURY;
import static com.motoroctane.devstack.seed.Tier.MID;
import static com.motoroctane.devstack.seed.Tier.PREMIUM;
import static com.motoroctane.devstack.seed.Tier.ULTRA;

import java.util.List;

/**
 * The 43 brands, in ranking order (roughly Indian passenger-vehicle market share). Figures are
 * approximate and only need to be plausible; the two brands that have left India are inactive.
 */
final class BrandTable {

    static final List<BrandSpec> BRANDS = List.of(
            BrandSpec.of("Maruti Suzuki", BUDGET, "Japanese-Indian", 1983, 40.9, 24, "PCEH", "Suzuki Connect",
                    "LXi|VXi|VXi Plus|ZXi|ZXi Plus",
                    "Swift/Hatchback; Baleno/Hatchback; Dzire/Sedan; Brezza/Compact SUV; Fronx/Compact SUV;"
                            + " Ertiga/MUV; Wagon R/Hatchback; Alto K10/Hatchback; Grand Vitara/SUV; Celerio/Hatchback;"
                            + " S-Presso/Hatchback; Ignis/Hatchback; XL6/MUV; Invicto/MUV; Jimny/SUV; Ciaz/Sedan;"
                            + " Eeco/MUV; e Vitara/SUV/EV; Victoris/SUV"),
            BrandSpec.of("Tata", BUDGET, "Indian", 1991, 12.6, 20, "PDCE", "iRA",
                    "XE|XM|XT|XZ|XZ Plus",
                    "Nexon/Compact SUV; Punch/Compact SUV; Tiago/Hatchback; Altroz/Hatchback; Tigor/Sedan;"
                            + " Harrier/SUV; Safari/SUV; Curvv/Coupe; Nexon EV/Compact SUV/EV; Punch EV/Compact SUV/EV;"
                            + " Tiago EV/Hatchback/EV; Curvv EV/Coupe/EV; Harrier EV/SUV/EV"),
            BrandSpec.of("Mahindra", MID, "Indian", 1945, 12.5, 18, "PDE", "AdrenoX Connect",
                    "MX1|MX3|AX3|AX5|AX7|AX7 L",
                    "XUV700/SUV; Scorpio N/SUV; Thar/SUV; Thar Roxx/SUV; XUV 3XO/Compact SUV; Bolero/SUV;"
                            + " Bolero Neo/SUV; Scorpio Classic/SUV; Marazzo/MUV; XUV400/Compact SUV/EV; BE 6/Coupe/EV;"
                            + " XEV 9e/Coupe/EV; Scorpio Pik Up/Pickup"),
            BrandSpec.of("Hyundai", MID, "South Korean", 1996, 13.7, 20, "PDCE", "Bluelink",
                    "E|S|S(O)|SX|SX(O)",
                    "Creta/SUV; Venue/Compact SUV; i20/Hatchback; Grand i10 Nios/Hatchback; Exter/Compact SUV;"
                            + " Verna/Sedan; Aura/Sedan; Alcazar/SUV; Tucson/SUV; Creta Electric/SUV/EV;"
                            + " Ioniq 5/SUV/EV"),
            BrandSpec.of("Toyota", MID, "Japanese", 1997, 7.3, 16, "PDCH", "Toyota i-Connect",
                    "E|S|G|V|ZX",
                    "Fortuner/SUV; Innova Crysta/MUV; Innova Hycross/MUV; Urban Cruiser Hyryder/SUV; Glanza/Hatchback;"
                            + " Urban Cruiser Taisor/Compact SUV; Rumion/MUV; Hilux/Pickup; Camry/Sedan;"
                            + " Fortuner Legender/SUV; Vellfire/MUV; Land Cruiser 300/SUV"),
            BrandSpec.of("Kia", MID, "South Korean", 2019, 6.2, 12, "PDE", "Kia Connect",
                    "HTE|HTK|HTK Plus|HTX|HTX Plus|GTX Plus",
                    "Seltos/SUV; Sonet/Compact SUV; Carens/MUV; Syros/Compact SUV; Carnival/MUV; EV6/SUV/EV;"
                            + " EV9/SUV/EV; Carens Clavis/MUV"),
            BrandSpec.of("Honda", MID, "Japanese", 1995, 1.8, 8, "PH", "Honda Connect",
                    "SV|V|VX|ZX",
                    "City/Sedan; Amaze/Sedan; Elevate/SUV; City Hybrid/Sedan"),
            BrandSpec.of("MG", MID, "British-Chinese", 2019, 1.3, 10, "PDE", "i-Smart",
                    "Style|Shine|Select|Sharp Pro|Savvy Pro",
                    "Hector/SUV; Astor/SUV; Hector Plus/SUV; Gloster/SUV; Windsor EV/SUV/EV; ZS EV/SUV/EV;"
                            + " Comet EV/Hatchback/EV; M9/MUV/EV; Cyberster/Convertible/EV"),
            BrandSpec.of("Skoda", MID, "Czech", 2001, 1.2, 8, "P", "MySkoda Connect",
                    "Classic|Signature|Signature Plus|Prestige|Monte Carlo",
                    "Kushaq/SUV; Slavia/Sedan; Kylaq/Compact SUV; Kodiaq/SUV; Octavia/Sedan; Superb/Sedan"),
            BrandSpec.of("Volkswagen", MID, "German", 2007, 1.1, 7, "P", "My Volkswagen Connect",
                    "Comfortline|Highline|Highline Plus|Topline|GT Plus",
                    "Virtus/Sedan; Taigun/SUV; Tiguan/SUV; Golf GTI/Hatchback"),
            BrandSpec.of("Renault", BUDGET, "French", 2005, 1.0, 6, "PC", "My Renault",
                    "RXE|RXL|RXT|RXZ",
                    "Kwid/Hatchback; Kiger/Compact SUV; Triber/MUV; Duster/SUV"),
            BrandSpec.of("Nissan", BUDGET, "Japanese", 2005, 0.6, 5, "PC", "NissanConnect",
                    "Visia|Acenta|N-Connecta|Tekna|Tekna Plus",
                    "Magnite/Compact SUV; X-Trail/SUV; Kicks/SUV"),
            BrandSpec.of("Citroen", BUDGET, "French", 2021, 0.2, 5, "PE", "My Citroen Connect",
                    "Live|Feel|Shine|Max",
                    "C3/Hatchback; C3 Aircross/SUV; Basalt/Coupe; eC3/Hatchback/EV; C5 Aircross/SUV"),
            BrandSpec.of("Jeep", PREMIUM, "American", 2016, 0.3, 5, "PD", "Uconnect",
                    "Sport|Longitude|Longitude Plus|Limited|Model S",
                    "Compass/SUV; Meridian/SUV; Wrangler/SUV; Grand Cherokee/SUV"),
            BrandSpec.of("Mercedes-Benz", LUXURY, "German", 1994, 0.45, 20, "PDE", "Mercedes me connect",
                    "Avantgarde|Progressive|Exclusive|AMG Line|AMG Line Plus",
                    "C-Class/Sedan; E-Class/Sedan; GLA/SUV; GLC/SUV; GLE/SUV; GLS/SUV; S-Class/Sedan;"
                            + " A-Class Limousine/Sedan; G-Class/SUV; GLC Coupe/Coupe; AMG GT/Coupe;"
                            + " CLE Cabriolet/Convertible; Maybach S-Class/Sedan; EQS/Sedan/EV; EQB/SUV/EV;"
                            + " EQE SUV/SUV/EV; EQS SUV/SUV/EV"),
            BrandSpec.of("BMW", LUXURY, "German", 2007, 0.4, 18, "PDE", "BMW ConnectedDrive",
                    "Sportline|Luxury Line|M Sport|M Sport Pro",
                    "3 Series/Sedan; 5 Series/Sedan; X1/SUV; X3/SUV; X5/SUV; X7/SUV; 7 Series/Sedan;"
                            + " 2 Series Gran Coupe/Sedan; 3 Series Gran Limousine/Sedan; Z4/Convertible; M340i/Sedan;"
                            + " XM/SUV; M4 Competition/Coupe; iX1/SUV/EV; i4/Sedan/EV; i7/Sedan/EV; iX/SUV/EV"),
            BrandSpec.of("Audi", LUXURY, "German", 2007, 0.15, 14, "PE", "Audi connect",
                    "Premium|Premium Plus|Technology|Signature Edition",
                    "A4/Sedan; A6/Sedan; Q3/SUV; Q5/SUV; Q7/SUV; Q8/SUV; A8 L/Sedan; Q3 Sportback/Coupe;"
                            + " RS Q8/SUV; RS5/Coupe; Q8 e-tron/SUV/EV; e-tron GT/Sedan/EV"),
            BrandSpec.of("BYD", PREMIUM, "Chinese", 2021, 0.1, 5, "E", "BYD Connect",
                    "Dynamic|Premium|Superior",
                    "Atto 3/SUV/EV; Seal/Sedan/EV; eMax 7/MUV/EV; Sealion 7/SUV/EV"),
            BrandSpec.of("Force Motors", MID, "Indian", 1958, 0.1, 5, "D", null,
                    "Standard|Deluxe|Premium|Signature",
                    "Gurkha/SUV; Gurkha 5-Door/SUV; Trax Cruiser/MUV; Urbania/MUV"),
            BrandSpec.of("Isuzu", MID, "Japanese", 2012, 0.1, 4, "D", "Isuzu Connect",
                    "Standard|Hi-Ride|Z|Z Prestige",
                    "D-Max V-Cross/Pickup; Hi-Lander/Pickup; MU-X/SUV; S-CAB/Pickup"),
            BrandSpec.of("Volvo", LUXURY, "Swedish", 2007, 0.05, 6, "PE", "Volvo Cars app",
                    "Core|Plus|Ultimate",
                    "XC60/SUV; XC90/SUV; S90/Sedan; EX40/SUV/EV; EC40/Coupe/EV; EX30/SUV/EV"),
            BrandSpec.of("Land Rover", LUXURY, "British", 2009, 0.07, 8, "PD", "InControl",
                    "S|SE|HSE|Dynamic HSE|Autobiography",
                    "Defender/SUV; Range Rover Evoque/SUV; Discovery Sport/SUV; Range Rover Velar/SUV;"
                            + " Range Rover Sport/SUV; Discovery/SUV; Range Rover/SUV"),
            BrandSpec.of("Jaguar", LUXURY, "British", 2009, 0.03, 4, "PDE", "InControl",
                    "S|SE|HSE|R-Dynamic",
                    "F-Pace/SUV; XF/Sedan; F-Type/Coupe; I-Pace/SUV/EV"),
            BrandSpec.of("Lexus", LUXURY, "Japanese", 2017, 0.03, 6, "H", "Lexus Link",
                    "Exquisite|Luxury|F Sport|Ultra Luxury",
                    "ES/Sedan; NX/SUV; RX/SUV; LX/SUV; LM/MUV; LS/Sedan"),
            BrandSpec.of("Mini", PREMIUM, "British", 2012, 0.02, 4, "PE", "MINI Connected",
                    "Classic|Favoured|JCW Pack",
                    "Cooper/Hatchback; Countryman/SUV; Cooper Convertible/Convertible; John Cooper Works/Hatchback;"
                            + " Countryman Electric/SUV/EV"),
            BrandSpec.of("Porsche", ULTRA, "German", 2004, 0.02, 8, "PEH", "Porsche Connect",
                    "Base|S|GTS|Turbo|Turbo S",
                    "Macan/SUV; Cayenne/SUV; 911/Coupe; Panamera/Sedan; Cayenne Coupe/Coupe; 718/Convertible;"
                            + " Taycan/Sedan/EV; Macan Electric/SUV/EV"),
            BrandSpec.of("Lamborghini", ULTRA, "Italian", 2007, 0.01, 4, "PH", "Lamborghini Unica",
                    "Coupe|S|Performante|Tecnica",
                    "Urus/SUV; Huracan/Coupe; Revuelto/Coupe; Temerario/Coupe"),
            BrandSpec.of("Ferrari", ULTRA, "Italian", 2011, 0.01, 5, "PH", "Ferrari Connect",
                    "Coupe|Spider|Assetto Fiorano",
                    "Roma/Coupe; 296 GTB/Coupe; Purosangue/SUV; SF90 Stradale/Coupe; 12Cilindri/Coupe;"
                            + " F8 Tributo/Coupe"),
            BrandSpec.of("Maserati", ULTRA, "Italian", 2015, 0.01, 4, "P", "Maserati Connect",
                    "GT|Modena|Trofeo",
                    "Ghibli/Sedan; Levante/SUV; Grecale/SUV; MC20/Coupe; Quattroporte/Sedan; GranTurismo/Coupe"),
            BrandSpec.of("Rolls-Royce", ULTRA, "British", 2004, 0.005, 4, "PE", "Whispers",
                    "Standard|Series II|Black Badge",
                    "Ghost/Sedan; Cullinan/SUV; Phantom/Sedan; Spectre/Coupe/EV; Dawn/Convertible"),
            BrandSpec.of("Bentley", ULTRA, "British", 2007, 0.005, 4, "PH", "My Bentley",
                    "V8|Azure|S|Mulliner",
                    "Bentayga/SUV; Continental GT/Coupe; Flying Spur/Sedan; Continental GTC/Convertible"),
            BrandSpec.of("Aston Martin", ULTRA, "British", 2011, 0.003, 4, "P", "Aston Martin app",
                    "Coupe|Volante|AMR",
                    "DBX/SUV; DB12/Coupe; Vantage/Coupe; Vanquish/Coupe"),
            BrandSpec.of("McLaren", ULTRA, "British", 2022, 0.002, 4, "PH", "McLaren Connect",
                    "Coupe|Spider|Performance",
                    "750S/Coupe; Artura/Coupe; GT/Coupe; 750S Spider/Convertible"),
            BrandSpec.of("Lotus", ULTRA, "British", 2023, 0.001, 3, "PE", "Lotus Hyper OS",
                    "Base|S|R",
                    "Eletre/SUV/EV; Emeya/Sedan/EV; Emira/Coupe"),
            BrandSpec.of("VinFast", MID, "Vietnamese", 2025, 0.01, 3, "E", "VinFast Connect",
                    "Earth|Wind|Wind Infinity|Sky|Sky Infinity",
                    "VF6/SUV/EV; VF7/SUV/EV"),
            BrandSpec.of("Tesla", PREMIUM, "American", 2025, 0.01, 2, "E", "Tesla app",
                    "Standard Range|Long Range|Long Range AWD|Performance",
                    "Model Y/SUV/EV; Model 3/Sedan/EV"),
            BrandSpec.of("Mitsubishi", MID, "Japanese", 1998, 0.01, 3, "PD", "Mitsubishi Connect",
                    "GLX|GLS|GLS Plus|Select Plus",
                    "Pajero Sport/SUV; Outlander/SUV"),
            BrandSpec.of("PMV Electric", BUDGET, "Indian", 2022, 0.001, 2, "E", null,
                    "Standard|Plus",
                    "EaS-E/Hatchback/EV"),
            BrandSpec.of("Pravaig", PREMIUM, "Indian", 2022, 0.001, 2, "E", "Pravaig Connect",
                    "Standard|Signature",
                    "Defy/SUV/EV"),
            BrandSpec.of("Strom Motors", BUDGET, "Indian", 2021, 0.001, 2, "E", "Strom Connect",
                    "Standard|Sport",
                    "R3/Hatchback/EV"),
            BrandSpec.of("Vayve Mobility", BUDGET, "Indian", 2025, 0.001, 2, "E", "Vayve Connect",
                    "Nova|Stella|Vega",
                    "Eva/Hatchback/EV"),
            BrandSpec.of("Ford", MID, "American", 1995, 0.0, 6, "PD", "FordPass",
                    "Ambiente|Trend|Titanium|Titanium Plus|Sports",
                    "EcoSport/Compact SUV; Endeavour/SUV; Figo/Hatchback; Aspire/Sedan; Freestyle/Hatchback;"
                            + " Mustang/Coupe").inactive(),
            BrandSpec.of("Datsun", BUDGET, "Japanese", 2014, 0.0, 4, "P", null,
                    "D|A|T|T(O)",
                    "redi-GO/Hatchback; GO/Hatchback; GO Plus/MUV").inactive());

    private BrandTable() {
    }
}
