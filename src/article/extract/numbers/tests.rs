use super::*;
use crate::article::extract::dates::find_dates;
use crate::article::text::tokens::tokenize;

fn stats(text: &str) -> Vec<(&str, &str)> {
    let t = tokenize(text);
    let d = find_dates(text, &t);
    find_statistics(text, &t, &d).into_iter().map(|s| (&text[s.q_start..s.q_end], &text[s.start..s.end])).collect()
}

fn phrases(text: &str) -> Vec<&str> {
    stats(text).into_iter().map(|s| s.1).collect()
}

#[test]
fn fractions_and_percentages() {
    assert_eq!(
        phrases("Children account for one-third of human trafficking victims."),
        ["one-third of human trafficking victims"]
    );
    assert_eq!(
        phrases("Children make up one-third of all victims of human trafficking, and face abuse."),
        ["one-third of all victims"]
    );
    assert_eq!(phrases("The union said 94 per cent of nurses who voted said no."), ["94 per cent of nurses"]);
    assert_eq!(
        phrases("equal to 71 percent of nurses, 88,000 rejected the offer."),
        ["71 percent of nurses", "88,000"]
    );
    assert_eq!(phrases("47% reduction in West Africa"), ["47% reduction"]);
}

#[test]
fn money_scales_and_ratios() {
    assert_eq!(
        phrases("a £750 one-off payment this year and a 3.8 per cent pay rise"),
        ["£750 one-off payment", "3.8 per cent pay rise"]
    );
    assert_eq!(phrases("could grow by 6.4 million by the end"), ["6.4 million"]);
    assert_eq!(phrases("More than 140 million households are in fuel poverty"), ["More than 140 million households"]);
    assert_eq!(phrases("Now 3 in 4 toddlers walk."), ["3 in 4 toddlers"]);
    let t = tokenize("grow by 6.4 million by");
    let s = find_statistics("grow by 6.4 million by", &t, &[]);
    assert_eq!(s[0].value, Some(6_400_000.0));
}

#[test]
fn not_statistics() {
    assert!(phrases("the Covid-19 pandemic in 2017 on July 30").is_empty());
    assert!(phrases("Source: https://www.sggp.org.vn/bao-ve-post751603.html").is_empty());
    assert!(phrases("for pupils in year 10 and 12 maths classes").is_empty());
    assert!(phrases("under Article 5 of the treaty and Windows 11").is_empty());
    assert!(phrases("one of the most compelling, a one-off, no one").is_empty());
    assert!(phrases("The two organizations called for it.").is_empty());
    assert!(phrases("progress over the past two decades is under threat; in the past 20 years").is_empty());
    assert!(phrases("Two years later, the assembly met at 10:30 on the 11th.").is_empty());
    assert!(phrases("The seventh report was the first.").is_empty());
}

#[test]
fn counts_with_units() {
    assert_eq!(phrases("preparing for three days of picket lines in Wales"), ["three days of picket lines"]);
    assert_eq!(
        phrases("During the last four days of regional rail action in May"),
        ["four days of regional rail action"]
    );
    assert_eq!(phrases("the region’s six largest water companies, does not"), ["six largest water companies"]);
    // A span written as an adjective measures what it describes.
    assert_eq!(phrases("a three-month consultation period ended"), ["three-month consultation period"]);
    assert_eq!(phrases("on a 12-month contract"), ["12-month contract"]);
    // Not the kind of a product.
    assert!(phrases("the average two-year fixed rate").is_empty());
    assert_eq!(phrases("a 5-kilometre run"), ["5-kilometre run"]);
    assert_eq!(phrases("covers 141 countries and"), ["141 countries"]);
    assert_eq!(phrases("fell by 11 per cent in 2020"), ["11 per cent"]);
}

#[test]
fn a_span_of_time_that_is_the_fact_is_a_statistic() {
    assert_eq!(phrases("he was jailed for six years on Friday"), ["six years"]);
    assert_eq!(phrases("with only nine months left in office"), ["only nine months"]);
    assert_eq!(phrases("the jury took just 15 minutes to decide"), ["just 15 minutes"]);
    assert_eq!(phrases("its lowest rate in nearly three decades"), ["nearly three decades"]);
    // Spans that place something in time.
    assert!(phrases("Two years later, they met again.").is_empty());
    assert!(phrases("It opened three days ago and closes in two weeks.").is_empty());
    assert!(phrases("over the past two decades the town grew").is_empty());
    assert!(phrases("Over the next five years the plan will cost more.").is_empty());
}

#[test]
fn numbers_that_name_things_are_not_statistics() {
    assert!(phrases("Boeing said the 777 program and the 737 Max are on track").is_empty());
    assert!(phrases("orders for 777x jets and the 787-9 jet").iter().all(|p| !p.contains("777") && !p.contains("787")));
    assert!(phrases("she called 911 and others made 911 calls").is_empty());
    assert!(phrases("nach § 68 SGB V und Nr. 4 sowie die 2-Faktor-Authentifizierung").is_empty());
    assert!(phrases("the new 16-inch MacBook Pro").is_empty());
    assert!(phrases("a 55-year old man was treated").is_empty());
    assert!(phrases("they walked along Ninety Mile Beach").is_empty());
    // Scores and real counts stay.
    assert_eq!(phrases("beat Dartford Rovers 2-1 on Saturday"), ["2-1"]);
    assert_eq!(phrases("Boeing delivered 30 jets"), ["30 jets"]);
}

#[test]
fn list_numbers_records_and_a_years_events() {
    assert_eq!(phrases("functional areas: (1) crew quarters, (2) exercise"), Vec::<&str>::new());
    assert_eq!(phrases("Hartigan (58) top-scored"), ["58"]);
    assert_eq!(phrases("New York improved to 14-0-1 at home"), ["14-0-1"]);
    assert!(phrases("raising the 2016 elections again").is_empty());
    assert_eq!(phrases("three quarters of voters"), ["three quarters of voters"]);
    assert!(phrases("the Six-Day War").is_empty());
}

#[test]
fn vague_and_counted_amounts() {
    assert_eq!(phrases("hundreds of thousands of people lost power"), ["hundreds of thousands of people"]);
    assert_eq!(phrases("tens of thousands of residents fled"), ["tens of thousands of residents"]);
    assert_eq!(phrases("dozens of complaints were filed"), ["dozens of complaints"]);
    assert_eq!(phrases("about one-fifth of homes flooded"), ["about one-fifth of homes"]);
    assert_eq!(phrases("there were scores of electrical fires"), ["scores of electrical fires"]);
    assert_eq!(phrases("several million java objects"), ["several million java objects"]);
    assert_eq!(phrases("ha masacrado a miles de personas"), ["miles de personas"]);
    // Scores a test gives, and miles run, are other things.
    assert_eq!(phrases("their scores of 90 were high"), ["90"]);
    assert_eq!(phrases("he ran 26 miles"), ["26 miles"]);
}

#[test]
fn units_glued_on_and_sizes() {
    assert_eq!(phrases("a CPU running at 2.3Ghz"), ["2.3Ghz"]);
    assert_eq!(phrases("bumps the frame rate up to 60FPS"), ["up to 60FPS"]);
    assert_eq!(phrases("an 8-core CPU"), ["8-core"]);
    // A size is one quantity, and neither side of it is a year.
    assert_eq!(phrases("a resolution of 1800 x 1920 per eye"), ["1800 x 1920"]);
    assert_eq!(phrases("2,560 by 1,440 pixels"), ["2,560 by 1,440 pixels"]);
    // A count after a comparison is no year.
    assert_eq!(phrases("lleva más de 2000 desde la reanudación"), ["2000 desde la reanudación"]);
    // An ordinal's form before a hyphen is no fraction.
    assert!(phrases("most third-party titles").is_empty());
    assert_eq!(phrases("a half-hour wait"), ["half-hour wait"]);
}

#[test]
fn figures_as_other_languages_write_them() {
    assert_eq!(stats("soit 1.234,5 tonnes"), [("1.234,5", "1.234,5 tonnes")]);
    assert_eq!(stats("dont 2\u{202f}209 personnes"), [("2\u{202f}209", "2\u{202f}209 personnes")]);
    assert_eq!(stats("près de 5 500 morts"), [("5 500", "5 500 morts")]);
    assert_eq!(stats("中国去年出口3000亿美元，增长45%。"), [("3000亿", "3000亿美元"), ("45%", "45%")]);
    assert_eq!(stats("Взять 2−3 томата"), [("2−3", "2−3 томата")]);
    assert_eq!(stats("Add ½ lemon"), [("½", "½ lemon")]);
    // A telephone number is not thousands.
    assert!(stats("call +221 33 869 1234 now").iter().all(|(q, _)| !q.contains(' ')));
}

#[test]
fn ranges_are_one_statistic() {
    assert_eq!(phrases("each one carries only 30 to 40 passengers a night"), ["only 30 to 40 passengers"]);
    assert_eq!(phrases("two to three more tropical cyclones may enter"), ["two to three more tropical cyclones"]);
    assert_eq!(phrases("between 10 and 15 people were hurt"), ["10 and 15 people"]);
    // Two figures, not a range.
    assert_eq!(phrases("sales rose from 20 to 30 units"), ["20", "30 units"]);
}

#[test]
fn fractions_of_a_unit() {
    assert_eq!(
        phrases("cut rates by a quarter of a percentage point to 5%"),
        ["a quarter of a percentage point", "5%"]
    );
}

#[test]
fn prices_per_unit() {
    assert_eq!(
        phrases("Power settled at €412 per megawatt hour. Bills will be £1,738 a year; oil hit $90 a barrel."),
        ["€412 per megawatt hour", "£1,738 a year", "$90 a barrel"]
    );
    assert_eq!(phrases("Workers earn £12 an hour, or Rs 500 per day"), ["£12 an hour", "Rs 500 per day"]);
    // Not a rate: "a" starts what follows.
    assert_eq!(phrases("It raised £5m a year ago"), ["£5m"]);
}

#[test]
fn possessives_and_comparisons() {
    assert_eq!(phrases("Roughly 30% of France's reactors sit on rivers"), ["Roughly 30% of France's reactors"]);
    assert_eq!(phrases("Demand in Spain rose 7.5% year on year"), ["7.5%"]);
    assert_eq!(phrases("sales rose 4% year-on-year"), ["4%"]);
}

#[test]
fn abbreviated_labels_make_identifiers() {
    assert!(phrases("Tropical Cyclone Wind Signal No. 4 was raised").is_empty());
    assert!(phrases("as Fig. 3 and Art. 5 show").is_empty());
    assert_eq!(phrases("Seven earthquakes of magnitude 3 or above"), ["Seven earthquakes"]);
}

#[test]
fn the_counted_phrase_stops_before_the_next_quantity_and_at_adverbs() {
    assert_eq!(phrases("which it wrote down by A$210m three years later."), ["A$210m"]);
    assert_eq!(phrases("an interim payment of £400,000 due within 28 days."), ["£400,000", "28 days"]);
    assert_eq!(phrases("each ticket cost £40 apiece."), ["£40"]);
}

#[test]
fn clock_times_are_not_statistics() {
    assert!(phrases("In its 8 a.m. report, the agency said so.").is_empty());
    assert!(phrases("The count ended at 6 pm and resumed at 9 am on Sunday.").is_empty());
    assert!(phrases("Polls close at 10 p.m. local time.").is_empty());
    assert_eq!(phrases("We counted 8 amphibians."), ["8 amphibians"]);
}

#[test]
fn words_that_only_look_like_numbers() {
    // An acronym in capitals is a name, wherever it stands.
    assert!(phrases("SIX, the Swiss exchange operator, said trading was normal.").is_empty());
    assert!(phrases("Shares in TEN rose when the company reported.").is_empty());
    // Polish and Czech "ten" is "this"; Dutch "ten" is "at the".
    assert!(phrases("W ten sposób rząd chce obniżyć ceny energii.").is_empty());
    assert!(phrases("Ten projekt stál hodně peněz a ten druhý taky.").is_empty());
    assert!(phrases("Het dorp ligt ten noorden van de stad.").is_empty());
    // Pronouns and idioms.
    assert!(phrases("It is hard to change one's mind, and no one's fault.").is_empty());
    assert!(phrases("America's two-party system is strained.").is_empty());
    assert!(phrases("It was a one-two punch for the economy.").is_empty());
    // Still counts: English "ten", compound number words.
    assert_eq!(phrases("Ten people were hurt and ten of them are in hospital."), ["Ten people", "ten"]);
    assert_eq!(phrases("The firm hired twenty-five engineers."), ["twenty-five engineers"]);
}

#[test]
fn ranked_list_numbers_ages_years_and_buttons_are_no_statistics() {
    // A ranked list's number, whatever opens the item after it.
    assert!(phrases("10. ‘Succession’ (HBO)").is_empty());
    assert!(phrases("3. iPhone owners will like it").is_empty());
    assert!(phrases("That ends the list. 9. Next up is the river walk.").is_empty());
    // Ages.
    assert!(phrases("Volunteers aged between 18 and 65 were sought.").is_empty());
    assert!(phrases("Those aged 18 to 24 voted least.").is_empty());
    assert!(phrases("She is an 87-year-old grandmother.").is_empty());
    assert!(phrases("An 87‑year‑old man was hurt.").is_empty());
    // A year with its century cut off; a button.
    assert!(phrases("the class of ’89 met again").is_empty());
    assert!(phrases("the class of '89 met again").is_empty());
    assert!(phrases("Click the +1 button to share it.").is_empty());
    // Still statistics: a count that ends a sentence, a signed change with a unit.
    assert_eq!(phrases("The team scored 10. The fans cheered."), ["10"]);
    assert_eq!(phrases("Prices rose +3.5% in May."), ["3.5%"]);
}

#[test]
fn units_stay_with_their_figure_in_other_languages() {
    assert_eq!(stats("Der Bund zahlt 14,2 Milliarden Euro."), [("14,2 Milliarden Euro", "14,2 Milliarden Euro")]);
    assert_eq!(phrases("Am Nachmittag wurden 21,5 °C gemessen."), ["21,5 °C"]);
    assert_eq!(phrases("It was 21.5°C at noon."), ["21.5°C"]);
    assert_eq!(phrases("El Gobierno destinará 3.500 millones de pesos al plan."), ["3.500 millones de pesos"]);
    assert_eq!(phrases("L'État versera 2 milliards d'euros."), ["2 milliards d'euros"]);
    let t = tokenize("zahlt 14,2 Milliarden Euro");
    let s = find_statistics("zahlt 14,2 Milliarden Euro", &t, &[]);
    assert_eq!(s[0].value.map(|v| v.round()), Some(14_200_000_000.0));
}
