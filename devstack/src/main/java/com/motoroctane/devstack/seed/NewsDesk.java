package com.motoroctane.devstack.seed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.common.news.NewsFields;

/**
 * The demo news section: categories, tags, author bylines and a few dozen articles about the Indian car
 * market, in the shapes of {@link NewsFields} and the storage format catalog-service reads
 * (catalog-service/README.md, "News"): dates as BSON dates, {@code tags} as tag ids, {@code linkedCars} as
 * model ids of this catalogue. Deterministic like the rest of the seed: nothing reads the clock. Published
 * articles are dated before {@link #NEWEST}; one is {@code scheduled} for {@link #FUTURE} (years ahead, so it
 * stays unpublished), one {@code scheduled} in the past (visible without a write), and two are drafts.
 */
public final class NewsDesk {

    /** The newest published article's date; the others go back from it. */
    public static final Instant NEWEST = Instant.parse("2025-11-20T05:30:00Z");
    /** The scheduled article's publishDate: far enough ahead that it stays hidden on any demo machine. */
    public static final Instant FUTURE = Instant.parse("2030-01-15T04:30:00Z");

    /** The generated documents of each news collection. */
    public record News(List<Document> categories, List<Document> tags, List<Document> authors, List<Document> articles) {

        /** Slugs of the articles readers see (published, or scheduled with the date reached), newest first. */
        public List<String> visibleSlugs() {
            return articles.stream()
                    .filter(a -> NewsFields.isVisible(a.getString("status"), a.getDate("publishDate").toInstant(), NEWEST))
                    .sorted((a, b) -> b.getDate("publishDate").compareTo(a.getDate("publishDate")))
                    .map(a -> a.getString("slug")).toList();
        }
    }

    private record Category(String name, String description, boolean featured) {
    }

    private record Tag(String name, String type) {
    }

    private record Author(String name, String role, String bio) {
    }

    /**
     * One article: {@code cars} are "Brand|Model" names resolved to this catalogue's model ids (a name the
     * catalogue lacks is left out); {@code daysAgo} counts back from {@link #NEWEST}.
     */
    private record Story(String title, String excerpt, String category, List<String> tags, String author, List<String> cars,
                         String status, int daysAgo, boolean featured, boolean breaking, List<String> points) {
    }

    private static final List<Category> CATEGORIES = List.of(
            new Category("News", "Industry news, sales figures and policy from the Indian car market", true),
            new Category("Reviews", "First drives and long-term reviews of cars on sale in India", true),
            new Category("Launches", "New cars and facelifts launched in India, with prices", true),
            new Category("Comparisons", "Rivals compared on price, features, space and running costs", false),
            new Category("EV", "Electric cars, charging and batteries in India", true));

    private static final List<Tag> TAGS = List.of(
            new Tag("SUV", "topic"), new Tag("Hatchback", "topic"), new Tag("Sedan", "topic"), new Tag("MUV", "topic"),
            new Tag("Electric", "topic"), new Tag("CNG", "topic"), new Tag("Hybrid", "topic"), new Tag("Safety", "topic"),
            new Tag("Sales", "topic"), new Tag("Price Hike", "topic"), new Tag("Festive Season", "topic"),
            new Tag("Budget Cars", "general"), new Tag("Luxury", "general"), new Tag("Maruti Suzuki", "brand"),
            new Tag("Tata", "brand"), new Tag("Mahindra", "brand"), new Tag("Hyundai", "brand"), new Tag("Kia", "brand"),
            new Tag("Toyota", "brand"), new Tag("Honda", "brand"), new Tag("MG", "brand"), new Tag("Creta", "model"),
            new Tag("Nexon", "model"), new Tag("Thar", "model"));

    private static final List<Author> AUTHORS = List.of(
            new Author("Arjun Mehta", "editor", "Editor. Has driven almost every car sold in India since 2008."),
            new Author("Priya Raghavan", "author", "Covers electric cars, batteries and charging."),
            new Author("Karan Sethi", "author", "Road tests and comparisons; owns a 2014 Swift diesel."),
            new Author("Neha Kulkarni", "author", "Industry and policy correspondent: sales, prices, regulation."),
            new Author("Rohit Iyer", "admin", "Runs the desk; writes about SUVs and off-roaders."));

    private static final String PUBLISHED = NewsFields.PUBLISHED;

    private static final List<Story> STORIES = List.of(
            story("Hyundai Creta Crosses 12 Lakh Sales Milestone in India",
                    "The Creta has become Hyundai's best seller of the decade, and the midsize SUV segment's benchmark.",
                    "News", List.of("SUV", "Sales", "Hyundai", "Creta"), "Neha Kulkarni", List.of("Hyundai|Creta"),
                    PUBLISHED, 0, true, true, "Cumulative sales since the 2015 launch|Diesel still a third of the mix|Waiting periods in metro cities"),
            story("Tata Nexon Facelift Review: Still the Safest Bet Under ₹15 Lakh?",
                    "We spend a week with the updated Nexon in city traffic and on the Mumbai-Pune expressway.",
                    "Reviews", List.of("SUV", "Safety", "Tata", "Nexon"), "Karan Sethi", List.of("Tata|Nexon"),
                    PUBLISHED, 1, true, false, "Cabin and the new touchscreen|Ride on broken roads|Turbo-petrol economy in our test"),
            story("Maruti Suzuki e Vitara Launched at ₹17.99 Lakh",
                    "Maruti's first electric car arrives with two battery packs and a claimed range of up to 500 km.",
                    "Launches", List.of("Electric", "SUV", "Maruti Suzuki"), "Priya Raghavan", List.of("Maruti Suzuki|e Vitara"),
                    PUBLISHED, 2, true, true, "Prices and variants|Battery, range and charging|Rivals and bookings"),
            story("Creta vs Seltos: Which Midsize SUV Should You Buy?",
                    "Two Korean cousins share engines but differ on comfort, features and resale. We pick a winner.",
                    "Comparisons", List.of("SUV", "Hyundai", "Kia", "Creta"), "Karan Sethi", List.of("Hyundai|Creta", "Kia|Seltos"),
                    PUBLISHED, 3, false, false, "Price and variants compared|Space in the second row|Which one to buy"),
            story("Mahindra Thar Roxx Review: The Family Thar Finally Arrives",
                    "Five doors, a proper back seat and the same off-road hardware. Has Mahindra lost the plot or found it?",
                    "Reviews", List.of("SUV", "Mahindra", "Thar"), "Rohit Iyer", List.of("Mahindra|Thar Roxx"),
                    PUBLISHED, 4, true, false, "Rear seat and boot|Off-road on the Lonavala trails|The diesel automatic"),
            story("Car Sales in October Hit a Record High on Festive Demand",
                    "Dispatches crossed four lakh units for the first time as Navratri and Diwali bookings converted.",
                    "News", List.of("Sales", "Festive Season"), "Neha Kulkarni", List.of(),
                    PUBLISHED, 5, false, true, "Brand-wise numbers|SUVs now over half the market|Inventory at dealers"),
            story("Tata Nexon EV vs Mahindra XUV400: Real-World Range Test",
                    "We drove both electric SUVs from full to empty on the same route to see which goes further.",
                    "Comparisons", List.of("Electric", "SUV", "Tata", "Mahindra", "Nexon"), "Priya Raghavan",
                    List.of("Tata|Nexon EV", "Mahindra|XUV400"), PUBLISHED, 6, false, false,
                    "How we tested|Range in the city and on the highway|Charging times on a 50 kW charger"),
            story("Kia Syros Launched: Prices, Variants and Features Explained",
                    "Kia's new compact SUV slots between the Sonet and Seltos with a tall, boxy cabin and ventilated rear seats.",
                    "Launches", List.of("SUV", "Kia"), "Arjun Mehta", List.of("Kia|Syros", "Kia|Sonet"),
                    PUBLISHED, 8, false, false, "Prices|Engines and gearboxes|What each variant gets"),
            story("Maruti Swift CNG Review: 32 km/kg in Daily Use?",
                    "The new three-cylinder Swift gets a factory CNG kit. We checked the running costs against the petrol.",
                    "Reviews", List.of("Hatchback", "CNG", "Budget Cars", "Maruti Suzuki"), "Karan Sethi",
                    List.of("Maruti Suzuki|Swift"), PUBLISHED, 9, false, false,
                    "Cost per kilometre|Boot space with the tank|Performance on CNG"),
            story("Government Extends EV Subsidy Scheme for Another Year",
                    "Buyers of electric two-, three- and four-wheelers keep their incentives as the scheme is extended.",
                    "EV", List.of("Electric"), "Neha Kulkarni", List.of(), PUBLISHED, 10, false, true,
                    "What changes for car buyers|State road-tax waivers|Charging infrastructure targets"),
            story("Toyota Innova Crysta Long-Term Review: 10,000 km Report",
                    "Our long-termer has done school runs, airport trips and a Goa road trip. Here is what it costs to run.",
                    "Reviews", List.of("MUV", "Toyota"), "Rohit Iyer", List.of("Toyota|Innova Crysta"),
                    PUBLISHED, 12, false, false, "Fuel economy over 10,000 km|Comfort in the third row|Service costs"),
            story("Honda City vs Hyundai Verna vs Skoda Slavia: Sedan Showdown",
                    "The midsize sedan is not dead. Three of the best compared on space, performance and value.",
                    "Comparisons", List.of("Sedan", "Honda", "Hyundai"), "Karan Sethi",
                    List.of("Honda|City", "Hyundai|Verna", "Skoda|Slavia"), PUBLISHED, 13, false, false,
                    "Prices|Rear-seat comfort|Turbo-petrol performance"),
            story("Mahindra BE 6 Review: A Proper Driver's EV From India",
                    "Mahindra's born-electric coupe SUV looks like a concept and drives better than it has any right to.",
                    "EV", List.of("Electric", "SUV", "Mahindra"), "Priya Raghavan", List.of("Mahindra|BE 6"),
                    PUBLISHED, 15, true, false, "Design and cabin|Handling and ride|Range on a 79 kWh pack"),
            story("Maruti Suzuki Announces Price Hike of Up to 2% From January",
                    "Rising input costs and currency movements mean every Maruti model will cost more from next month.",
                    "News", List.of("Price Hike", "Maruti Suzuki"), "Neha Kulkarni", List.of("Maruti Suzuki|Brezza", "Maruti Suzuki|Baleno"),
                    PUBLISHED, 16, false, false, "Which models are affected|How much more you will pay|Buy now or wait?"),
            story("Hyundai Creta Electric Launched With 473 km Claimed Range",
                    "The Creta finally goes electric with two battery sizes, a frunk and vehicle-to-load charging.",
                    "Launches", List.of("Electric", "SUV", "Hyundai", "Creta"), "Priya Raghavan", List.of("Hyundai|Creta Electric"),
                    PUBLISHED, 18, false, false, "Prices|Battery and range|How it differs from the petrol Creta"),
            story("Tata Punch vs Hyundai Exter: Micro SUV Face-Off",
                    "Two tall, affordable city cars with SUV looks. Which gives you more for your money?",
                    "Comparisons", List.of("SUV", "Budget Cars", "Tata", "Hyundai"), "Karan Sethi",
                    List.of("Tata|Punch", "Hyundai|Exter"), PUBLISHED, 20, false, false,
                    "Safety ratings|AMT versus manual|Features per rupee"),
            story("Toyota Fortuner Legender Review: Still the King of the Road?",
                    "The Fortuner remains the default big SUV for India. We find out why with the top Legender variant.",
                    "Reviews", List.of("SUV", "Luxury", "Toyota"), "Rohit Iyer", List.of("Toyota|Fortuner Legender"),
                    PUBLISHED, 22, false, false, "The 2.8-litre diesel|Four-wheel drive on sand|Resale value"),
            story("Bharat NCAP: Five Stars for the Mahindra XUV 3XO and Tata Curvv",
                    "The latest round of India's own crash tests hands top marks to two popular SUVs.",
                    "News", List.of("Safety", "SUV", "Mahindra", "Tata"), "Neha Kulkarni",
                    List.of("Mahindra|XUV 3XO", "Tata|Curvv"), PUBLISHED, 24, false, true,
                    "Adult occupant scores|Child occupant scores|What Bharat NCAP tests"),
            story("MG Windsor EV Review: Battery-as-a-Service Makes Sense",
                    "MG's airy electric crossover is priced like a petrol car if you rent the battery. We did the maths.",
                    "EV", List.of("Electric", "MG"), "Priya Raghavan", List.of("MG|Windsor EV"),
                    PUBLISHED, 26, false, false, "The rental plan explained|Cabin and reclining rear seats|Range in Bengaluru traffic"),
            story("Maruti Dzire Launched With Five-Star Safety Rating",
                    "The new Dzire is the first Maruti to score five stars in Global NCAP, and it still returns 25 kmpl.",
                    "Launches", List.of("Sedan", "Safety", "Maruti Suzuki"), "Arjun Mehta", List.of("Maruti Suzuki|Dzire"),
                    PUBLISHED, 28, false, false, "Prices|Safety kit|Sunroof, a first in the segment"),
            story("Kia Carens vs Maruti Ertiga: The Best Family MUV Under ₹15 Lakh",
                    "Seven seats, a budget and a big family. We compare the two most sensible people movers.",
                    "Comparisons", List.of("MUV", "Kia", "Maruti Suzuki"), "Karan Sethi",
                    List.of("Kia|Carens", "Maruti Suzuki|Ertiga"), PUBLISHED, 30, false, false,
                    "Third-row space|CNG or diesel?|Price of the top variants"),
            story("How Long Does It Take to Charge an EV in India?",
                    "From a 3.3 kW home socket to a 60 kW highway charger: real charging times for popular electric cars.",
                    "EV", List.of("Electric"), "Priya Raghavan", List.of("Tata|Nexon EV", "MG|Comet EV", "Tata|Punch EV"),
                    PUBLISHED, 33, false, false, "Home charging|Public fast charging|What it costs per charge"),
            story("Tata Harrier EV Launched With Quad-Wheel-Drive",
                    "Tata's flagship electric SUV gets dual motors, 500 Nm and a claimed 627 km of range.",
                    "Launches", List.of("Electric", "SUV", "Tata"), "Arjun Mehta", List.of("Tata|Harrier EV"),
                    PUBLISHED, 36, true, false, "Prices|Off-road modes|Range and charging"),
            story("Mahindra XUV700 vs Tata Safari: Seven-Seat SUV Battle",
                    "Both are big, diesel and full of features. One is quicker; the other is roomier.",
                    "Comparisons", List.of("SUV", "Mahindra", "Tata"), "Rohit Iyer",
                    List.of("Mahindra|XUV700", "Tata|Safari"), PUBLISHED, 40, false, false,
                    "Engines compared|ADAS in Indian traffic|Third-row comfort"),
            story("Honda Elevate Review: The Sensible Midsize SUV",
                    "No diesel, no turbo, no panoramic roof. But the Elevate gets the basics very right.",
                    "Reviews", List.of("SUV", "Honda"), "Arjun Mehta", List.of("Honda|Elevate"),
                    PUBLISHED, 44, false, false, "The 1.5-litre petrol and CVT|Space and quality|What is missing"),
            story("Hyundai Recalls Verna Units Over Electric Oil Pump",
                    "Owners of affected cars will be contacted by dealers; the fix takes about an hour.",
                    "News", List.of("Sedan", "Hyundai"), "Neha Kulkarni", List.of("Hyundai|Verna"),
                    PUBLISHED, 47, false, false, "Which cars are affected|What the fault is|How to check your car"),
            story("Toyota Urban Cruiser Hyryder vs Maruti Grand Vitara: Twins Compared",
                    "Built in the same factory with the same strong-hybrid, yet they differ in looks, warranty and price.",
                    "Comparisons", List.of("SUV", "Hybrid", "Toyota", "Maruti Suzuki"), "Karan Sethi",
                    List.of("Toyota|Urban Cruiser Hyryder", "Maruti Suzuki|Grand Vitara"), PUBLISHED, 50, false, false,
                    "Strong-hybrid economy|Design differences|Warranty and service"),
            story("Best CNG Cars in India Under ₹10 Lakh",
                    "CNG is the cheapest way to run a car today. These are the models we would buy.",
                    "News", List.of("CNG", "Budget Cars", "Hatchback"), "Karan Sethi",
                    List.of("Maruti Suzuki|Alto K10", "Tata|Tiago", "Hyundai|Grand i10 Nios"), PUBLISHED, 55, false, false,
                    "Running costs|Boot space compromises|Our picks"),
            story("Mahindra Scorpio N Review: Body-on-Frame Done Right",
                    "Old-school toughness with a modern cabin. The Scorpio N is still a favourite for a reason.",
                    "Reviews", List.of("SUV", "Mahindra"), "Rohit Iyer", List.of("Mahindra|Scorpio N"),
                    PUBLISHED, 60, false, false, "The mHawk diesel|Ride and handling|Four-wheel drive"),
            story("Tata Curvv EV Review: A Coupe SUV for the Family",
                    "The Curvv EV brings a sloping roof to the mass market without taking away rear headroom.",
                    "EV", List.of("Electric", "SUV", "Tata"), "Priya Raghavan", List.of("Tata|Curvv EV"),
                    PUBLISHED, 65, false, false, "Range on the 55 kWh pack|Rear-seat space|Features"),
            story("Skoda Kylaq Launched at ₹7.89 Lakh",
                    "Skoda's first sub-four-metre SUV brings the 1.0 TSI engine and six airbags as standard.",
                    "Launches", List.of("SUV", "Budget Cars"), "Arjun Mehta", List.of("Skoda|Kylaq"),
                    PUBLISHED, 70, false, false, "Prices|Engine and gearboxes|Standard safety"),
            story("Five Things to Check Before Buying a Used Car",
                    "From service records to flood damage: a checklist for your next second-hand purchase.",
                    "News", List.of("Budget Cars"), "Arjun Mehta", List.of(), PUBLISHED, 80, false, false,
                    "Service history|Accident and flood damage|Paperwork and insurance"),
            // a scheduled article whose date has come: readers see it without anyone publishing it
            story("Kia Seltos Facelift Review: Sharper, Safer, Pricier",
                    "Level 2 ADAS, a new turbo-petrol and a twin-screen cabin keep the Seltos at the top of its class.",
                    "Reviews", List.of("SUV", "Safety", "Kia"), "Karan Sethi", List.of("Kia|Seltos"),
                    NewsFields.SCHEDULED, 7, false, false, "The 160 PS turbo-petrol|ADAS on Indian roads|Prices"),
            // not visible: two drafts and one scheduled for FUTURE
            story("Maruti Suzuki Victoris: First Drive Impressions",
                    "Draft: notes from the media drive of Maruti's new midsize SUV.",
                    "Reviews", List.of("SUV", "Maruti Suzuki"), "Arjun Mehta", List.of("Maruti Suzuki|Victoris"),
                    NewsFields.DRAFT, 0, false, false, "Engines|Cabin|Ride"),
            story("Upcoming EVs in India in 2026",
                    "Draft: every electric car expected to launch next year.",
                    "EV", List.of("Electric"), "Priya Raghavan", List.of("Kia|EV6", "Hyundai|Ioniq 5"),
                    NewsFields.DRAFT, 0, false, false, "Mass-market EVs|Luxury EVs|Expected prices"),
            story("Tata Sierra EV Launch: Everything We Know",
                    "The Sierra returns as an electric SUV. Prices, range and launch details.",
                    "Launches", List.of("Electric", "SUV", "Tata"), "Arjun Mehta", List.of("Tata|Harrier EV"),
                    NewsFields.SCHEDULED, -1, false, false, "Design|Battery and range|Expected prices"));

    private final Map<String, ModelPlan> modelsByName = new LinkedHashMap<>();

    NewsDesk(List<ModelPlan> plans) {
        plans.stream().filter(ModelPlan::active).forEach(p -> modelsByName.putIfAbsent(p.brand().name() + "|" + p.name(), p));
    }

    /** The "Brand|Model" names of the story table that this catalogue lacks (their links are left out). */
    List<String> unresolvedCars() {
        return STORIES.stream().flatMap(s -> s.cars().stream()).filter(c -> !modelsByName.containsKey(c)).distinct().toList();
    }

    private static Story story(String title, String excerpt, String category, List<String> tags, String author,
                               List<String> cars, String status, int daysAgo, boolean featured, boolean breaking,
                               String points) {
        return new Story(title, excerpt, category, tags, author, cars, status, daysAgo, featured, breaking,
                List.of(points.split("\\|")));
    }

    static String categoryId(String name) {
        return "news-category-" + CatalogFields.slug(name);
    }

    static String tagId(String name) {
        return "news-tag-" + CatalogFields.slug(name);
    }

    static String authorId(String name) {
        return "news-author-" + CatalogFields.slug(name);
    }

    News build() {
        Instant created = NEWEST.minus(400, ChronoUnit.DAYS);
        List<Document> categories = new ArrayList<>();
        for (Category c : CATEGORIES) {
            categories.add(Docs.ordered("category", NewsFields.CATEGORY, Map.of("id", categoryId(c.name()), "name", c.name(),
                    "slug", CatalogFields.slug(c.name()), "description", c.description(), "isFeatured", c.featured(),
                    "createdAt", Date.from(created), "version", 1L)));
        }
        List<Document> tags = new ArrayList<>();
        for (Tag t : TAGS) {
            tags.add(Docs.ordered("tag", NewsFields.TAG, Map.of("id", tagId(t.name()), "name", t.name(),
                    "slug", CatalogFields.slug(t.name()), "type", t.type(), "createdAt", Date.from(created), "version", 1L)));
        }
        List<Document> authors = new ArrayList<>();
        for (Author a : AUTHORS) {
            String slug = CatalogFields.slug(a.name());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("id", authorId(a.name()));
            values.put("name", a.name());
            values.put("slug", slug);
            values.put("email", slug.replace('-', '.') + "@motoroctane.example");
            values.put("role", a.role());
            values.put("bio", a.bio());
            values.put("profileImage", "/uploads/news/authors/" + slug + ".webp");
            values.put("socialLinks", new Document("twitter", "https://x.com/" + slug.replace("-", "")));
            values.put("isActive", true);
            values.put("createdAt", Date.from(created));
            values.put("version", 1L);
            authors.add(Docs.ordered("author", NewsFields.AUTHOR, values));
        }
        List<Document> articles = new ArrayList<>();
        for (int i = 0; i < STORIES.size(); i++) {
            articles.add(article(i, STORIES.get(i)));
        }
        return new News(categories, tags, authors, articles);
    }

    private Document article(int index, Story s) {
        String slug = CatalogFields.slug(s.title());
        List<ModelPlan> cars = s.cars().stream().map(modelsByName::get).filter(p -> p != null).toList();
        Instant publishDate = s.daysAgo() < 0 ? FUTURE
                : NEWEST.minus(s.daysAgo(), ChronoUnit.DAYS).minus(index % 5 * 2L, ChronoUnit.HOURS);
        Instant createdAt = publishDate.minus(s.daysAgo() < 0 ? 60 : 2, ChronoUnit.DAYS);
        boolean visible = !NewsFields.DRAFT.equals(s.status()) && s.daysAgo() >= 0;
        Rng rng = Rng.of(CatalogGenerator.DEFAULT_SEED, Rng.NEWS, index);
        long views = visible ? (long) (rng.unit() * 40_000) + (s.featured() ? 25_000 : 500) + (s.breaking() ? 15_000 : 0) : 0;
        String image = cars.isEmpty() ? "/uploads/news/" + slug + ".webp" : cars.get(0).imageBase() + "/news/" + slug + ".webp";

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", "article-" + slug);
        values.put("title", s.title());
        values.put("slug", slug);
        values.put("excerpt", s.excerpt());
        values.put("contentBlocks", blocks(s, cars, image));
        values.put("categoryId", categoryId(s.category()));
        values.put("tags", s.tags().stream().map(NewsDesk::tagId).toList());
        values.put("authorId", authorId(s.author()));
        values.put("linkedCars", cars.stream().map(ModelPlan::id).toList());
        values.put("featuredImage", image);
        values.put("seoTitle", s.title() + " | MotorOctane");
        values.put("seoDescription", s.excerpt());
        values.put("seoKeywords", s.tags().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList());
        values.put("status", s.status());
        values.put("publishDate", Date.from(publishDate));
        values.put("views", views);
        values.put("likes", views / 40);
        values.put("comments", views / 400);
        values.put("isFeatured", s.featured());
        values.put("isBreaking", s.breaking());
        values.put("createdAt", Date.from(createdAt));
        values.put("updatedAt", Date.from(visible ? publishDate : createdAt));
        values.put("version", 1L);
        return Docs.ordered("article", NewsFields.ARTICLE, values);
    }

    /** An intro, then a heading and a paragraph per point, an image after the first section, a closing quote. */
    private static List<Document> blocks(Story s, List<ModelPlan> cars, String image) {
        List<Document> blocks = new ArrayList<>();
        String subject = cars.isEmpty() ? "the Indian car market" : Docs.join(cars.stream().map(ModelPlan::fullName).toList());
        blocks.add(block(blocks.size(), "paragraph", "<p>" + s.excerpt() + " Here is what it means for buyers of "
                + subject + ".</p>"));
        for (int i = 0; i < s.points().size(); i++) {
            String point = s.points().get(i);
            blocks.add(block(blocks.size(), "heading", point));
            blocks.add(block(blocks.size(), "paragraph", "<p><strong>" + point + ".</strong> " + paragraph(i, subject)
                    + "</p>"));
            if (i == 0) {
                blocks.add(new Document("id", "block-" + blocks.size()).append("type", "image").append("content", "")
                        .append("imageUrl", image).append("imageCaption", s.title()));
            }
        }
        blocks.add(block(blocks.size(), "list", "<ul>" + s.points().stream().map(p -> "<li>" + p + "</li>")
                .reduce("", String::concat) + "</ul>"));
        blocks.add(block(blocks.size(), "quote", "<blockquote>Buyers in India compare on price first, then on what "
                + "the car gives them for it.</blockquote>"));
        return blocks;
    }

    private static String paragraph(int i, String subject) {
        return switch (i % 3) {
            case 0 -> "Dealers in Delhi, Mumbai and Bengaluru report steady enquiries for " + subject
                    + ", with most buyers choosing mid-level variants that balance features and price.";
            case 1 -> "On our test routes, in stop-go city traffic and on the expressway, " + subject
                    + " behaved much as the specifications suggest, with a few surprises we note below.";
            default -> "Ex-showroom prices are only part of the story: insurance, registration and running costs add "
                    + "a significant amount, and we factor them into our verdict on " + subject + ".";
        };
    }

    private static Document block(int index, String type, String content) {
        return new Document("id", "block-" + index).append("type", type).append("content", content);
    }
}
