//! What a reader hunts for, on texts written for folio: each rule of docs/EXTRACTION.md
//! with an article that shows it. Quotes and their speakers, statistics, dates, in the
//! classes of error seen on articles folio had never read.

use folio::article::{Article, parse};

fn article(text: &str) -> Article {
    parse(text, None).expect("parses")
}

/// (quote text, speaker) in order.
fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    article(text).quotes.into_iter().map(|q| (q.text, q.speaker)).collect()
}

fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
    let all = quotes(text);
    all.iter()
        .find(|(q, _)| q.starts_with(quote_start))
        .unwrap_or_else(|| panic!("no quote starting {quote_start:?} in {all:?}"))
        .1
        .clone()
}

fn statistics(text: &str) -> Vec<String> {
    article(text).statistics.into_iter().map(|s| s.text).collect()
}

fn dates(text: &str) -> Vec<String> {
    article(text).dates.into_iter().map(|d| d.text).collect()
}

// 1. Quotes that continue.

#[test]
fn a_paragraph_that_is_only_a_quotation_continues_the_speaker_before() {
    let text = "Flood town\n\
        Daniel Okafor has measured the river for a decade. “Nobody listened,” he said.\n\
        “We told the council in 2019. We told them again in the spring.”\n\
        The council did not reply.\n\
        “It is too late now,” said Ruth Amadi, the mayor.\n";
    assert_eq!(speaker_of(text, "We told the council").as_deref(), Some("Daniel Okafor"));
    // A paragraph of other words in between ends the run: the mayor is named anew.
    assert_eq!(speaker_of(text, "It is too late").as_deref(), Some("Ruth Amadi"));
}

#[test]
fn the_next_sentence_quotes_of_an_attributed_paragraph_share_its_speaker() {
    let text = "Levee\n\
        “The levee will fail,” said Daniel Okafor, a hydrologist. “It was built for a smaller river. Nobody has raised it since.”\n";
    let q = quotes(text);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|(_, s)| s.as_deref() == Some("Daniel Okafor")), "{q:?}");
}

#[test]
fn another_person_named_in_between_stops_the_run() {
    let text = "Levee\n\
        “The levee will fail,” said Daniel Okafor.\n\
        Ruth Amadi, the mayor, disagreed.\n\
        “We have a plan.”\n";
    assert_ne!(speaker_of(text, "We have a plan").as_deref(), Some("Daniel Okafor"));
}

// 2. Honorific plus surname.

#[test]
fn honorifics_with_a_full_stop_resolve_to_the_full_name() {
    let text = "Levee\n\
        Daniel Okafor is a hydrologist and Ruth Amadi is the mayor.\n\
        “It is the worst I have seen,” Mr. Okafor said.\n\
        “We have a plan,” said Dr. Amadi. “It will be ready.”\n\
        “Nobody listened,” Ms Lindqvist said.\n";
    assert_eq!(speaker_of(text, "It is the worst").as_deref(), Some("Daniel Okafor"));
    assert_eq!(speaker_of(text, "We have a plan").as_deref(), Some("Ruth Amadi"));
    assert_eq!(speaker_of(text, "It will be ready").as_deref(), Some("Ruth Amadi"));
    // Never the honorific itself.
    assert_eq!(speaker_of(text, "Nobody listened").as_deref(), Some("Lindqvist"));
}

#[test]
fn a_surname_resolves_to_a_name_given_with_a_middle_initial() {
    let text = "Food bank\n\
        R. Paulina Ostrowska runs the food bank on Mill Street.\n\
        “We feed four hundred families a week,” Ostrowska said.\n\
        “Patrick W. Carlineo was there,” said a volunteer, adding that Carlineo “never left”.\n";
    assert_eq!(speaker_of(text, "We feed").as_deref(), Some("R. Paulina Ostrowska"));
    let a = article(text);
    let people: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    assert!(people.contains(&"R. Paulina Ostrowska"), "{people:?}");
}

// 3. Descriptions of a person or organisation.

#[test]
fn a_description_resolves_to_the_entity_it_fits() {
    let text = "Site visit\n\
        Senator Mark Whitfield toured the flooded site on Tuesday.\n\
        “This is a disgrace,” the Ohio Republican said.\n\
        Harlow Water, the local utility, has spent heavily on new pipes.\n\
        “We are investing where it matters,” the company said.\n\
        The Ministry of Transport was asked about the bridge.\n\
        “Repairs start in June,” the ministry said.\n";
    assert_eq!(speaker_of(text, "This is a disgrace").as_deref(), Some("Mark Whitfield"));
    assert_eq!(speaker_of(text, "We are investing").as_deref(), Some("Harlow Water"));
    assert_eq!(speaker_of(text, "Repairs start").as_deref(), Some("Ministry of Transport"));
    // "the Ohio Republican" is a description, not a person of its own.
    let a = article(text);
    assert!(a.people.iter().all(|p| p.name != "Ohio Republican"), "{:?}", a.people);
}

#[test]
fn a_role_resolves_to_the_person_named_with_it() {
    let text = "Ruling\n\
        Dismissing the claim, Mr Justice Fenwell said Mr Asante was “an experienced businessman”.\n\
        “The law does not protect a seller from a bargain he later regrets,” the judge said.\n\
        Ruth Amadi, the mayor, met Senator Tom Price on Monday.\n\
        “We will rebuild,” the mayor said. “It is a disgrace,” the senator said.\n";
    assert_eq!(speaker_of(text, "The law does not").as_deref(), Some("Fenwell"));
    assert_eq!(speaker_of(text, "We will rebuild").as_deref(), Some("Ruth Amadi"));
    assert_eq!(speaker_of(text, "It is a disgrace").as_deref(), Some("Tom Price"));
}

#[test]
fn a_description_that_fits_nobody_stays_as_written() {
    // No ministry is named: the reader is told what the text says, not a guess.
    let text = "Bridge\n\
        The old bridge closed in May.\n\
        “Repairs start in June,” the ministry said.\n";
    assert_eq!(speaker_of(text, "Repairs start").as_deref(), Some("the ministry"));
}

#[test]
fn the_company_between_two_companies_stays_as_written() {
    let text = "Takeover\n\
        Japan’s Kanemura Holdings has agreed to buy the Swiss maker Alpenklang for CHF 7.4bn.\n\
        Alpenklang’s board “unanimously recommends” the offer, according to a statement from the company.\n\
        Alpenklang employs about 6,400 people.\n";
    assert_eq!(speaker_of(text, "unanimously").as_deref(), Some("the company"));
}

#[test]
fn a_slogan_is_nobodys_quote() {
    let text = "Market\n\
        Stallholder Jana Petrova has traded on the square for years.\n\
        Her sign reads “Fresh every day. Fair every time.” and customers queue from dawn.\n";
    let speaker = speaker_of(text, "Fresh every day");
    assert!(speaker.is_none() || speaker.as_deref() == Some("Jana Petrova"), "{speaker:?}");
    assert_ne!(speaker.as_deref(), Some("Fresh"));
}

// 5. Speaker far from the quote.

#[test]
fn a_long_appositive_between_the_name_and_its_verb() {
    let text = "Rates\n\
        “It is striking that so little has changed,” Johan Lindgren, the president of the Northern Savings Bank of Umeå, said on Tuesday.\n\
        “The cut came too late,” Interior Minister Walter Brenner, who serves in a caretaker cabinet of officials, said in a statement.\n";
    assert_eq!(speaker_of(text, "It is striking").as_deref(), Some("Johan Lindgren"));
    assert_eq!(speaker_of(text, "The cut came").as_deref(), Some("Walter Brenner"));
}

#[test]
fn a_participle_takes_the_subject_of_its_clause() {
    let text = "Farms\n\
        In a letter in May, Zara Duvall, the head of the farmers’ union, said the tariffs hurt.\n\
        She urged Mr. Tomlin to make a deal soon, saying “time is running out for many of us.”\n";
    assert_eq!(speaker_of(text, "time is running out").as_deref(), Some("Zara Duvall"));
}

#[test]
fn a_pronoun_before_the_quotation_means_someone_named_before_it() {
    let text = "Call\n\
        Patrick Doyle called the office in March.\n\
        A staff member recalled that he said, “I will come down there,” prosecutors said.\n";
    assert_eq!(speaker_of(text, "I will come").as_deref(), Some("Patrick Doyle"));
}

#[test]
fn a_statement_reads_and_a_sign_does_not_speak() {
    let text = "Label\n\
        Big Harbour Records issued a statement on Monday.\n\
        “We have worked diligently with the artist,” the statement read.\n\
        A sign on the door reads “Closed until further notice” in red letters.\n";
    let s = speaker_of(text, "We have worked");
    assert!(matches!(s.as_deref(), Some("the statement" | "Big Harbour Records")), "{s:?}");
    assert!(quotes(text).iter().all(|(q, s)| !q.starts_with("Closed") || s.is_none()));
}

#[test]
fn a_qualifier_is_no_title_and_the_first_amendment_no_person() {
    let text = "Flag\n\
        Vanessa Hale posted the photograph on Monday.\n\
        The courts have found that burning the flag is protected by the First Amendment.\n\
        “He would die for the freedoms this country offers,” she told reporters.\n";
    let a = article(text);
    assert!(a.people.iter().all(|p| p.name != "Amendment"), "{:?}", a.people);
    assert_eq!(speaker_of(text, "He would die").as_deref(), Some("Vanessa Hale"));
}

#[test]
fn the_name_that_opens_the_subject_speaks_not_the_one_in_its_appositive() {
    let text = "Fact check\n\
        “It was an attempt to mislead voters,” Will Moy, chief executive of the fact-checking website Open Ledger, told the BBC.\n\
        “The water is there,” study lead author Lucas Pereira, a scientist at the Goddard centre in Greenbelt, Maryland, and at American University in Washington, D.C., said in a statement.\n";
    assert_eq!(speaker_of(text, "It was an attempt").as_deref(), Some("Will Moy"));
    assert_eq!(speaker_of(text, "The water is there").as_deref(), Some("Lucas Pereira"));
}

#[test]
fn a_body_that_issues_a_statement_warning_speaks() {
    let text = "Election\n\
        In a reflection of the confusion, the Electoral Commission, which regulates campaign finances, issued a statement warning that “voters are entitled to transparency from campaigners.”\n";
    assert_eq!(speaker_of(text, "voters are entitled").as_deref(), Some("Electoral Commission"));
}

#[test]
fn the_sentence_subject_speaks_across_an_earlier_quotation() {
    let text = "Threats\n\
        Martin Keogh called the congresswoman’s office in March.\n\
        During the call, he asked about her votes, called her a “traitor” and said, “somebody ought to stop her,” the prosecutor’s office said.\n";
    assert_eq!(speaker_of(text, "somebody ought").as_deref(), Some("Martin Keogh"));
}

// 4. A quote split by its attribution, whatever its marks.

#[test]
fn mixed_and_doubled_marks_close_a_quotation() {
    let text = "Wire\n\
        “It was an attempt to mislead voters,’’ Will Moy told the BBC. “And it is misleading for a party to behave that way.”\n\
        \"Open the door! We are coming in!” an officer shouts.\n";
    let q = quotes(text);
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "It was an attempt to mislead voters",
            "And it is misleading for a party to behave that way.",
            "Open the door! We are coming in!"
        ]
    );
    assert!(q[..2].iter().all(|(_, s)| s.as_deref() == Some("Will Moy")), "{q:?}");
}

#[test]
fn a_quotation_after_a_sentence_about_someone_is_theirs() {
    let text = "River\n\
        Daniel Okafor, a hydrologist at the state university, has measured the river for a decade. “Nobody listened when the levee cracked.”\n\
        Ruth Amadi, the mayor, took office in May.\n\
        “We have a plan for the levee.”\n";
    assert_eq!(speaker_of(text, "Nobody listened").as_deref(), Some("Daniel Okafor"));
    assert_eq!(speaker_of(text, "We have a plan").as_deref(), Some("Ruth Amadi"));
}

/// Open (docs/EXTRACTION.md, "possessives across sentences"): the ranker weighs a name
/// written with 's down, but a quotation opening its sentence still goes to Okafor.
#[test]
#[ignore = "open error class: a possessive subject in the sentence before"]
fn a_quotation_after_someones_assistant_is_not_theirs() {
    let text = "River\n\
        Daniel Okafor, a hydrologist at the state university, has measured the river for a decade.\n\
        Okafor's assistant told reporters the data was public. “It has always been public.”\n";
    assert_ne!(speaker_of(text, "It has always").as_deref(), Some("Daniel Okafor"));
}

#[test]
fn someone_of_a_person_speaks_for_themselves() {
    let text = "Label\n\
        Taylor Quinn left the label in June.\n\
        “The label owes her money,” Quinn’s rep told reporters.\n";
    let s = speaker_of(text, "The label owes");
    assert_ne!(s.as_deref(), Some("Taylor Quinn"));
}

// 8. Quotation marks, speech and figures beyond English.

#[test]
fn quotation_marks_and_verbs_of_other_languages() {
    let text = "Europe\n\
        Laurent Fabius est à Paris. « Pour certains d’entre eux on est très interrogatif », a ajouté Laurent Fabius.\n\
        „Wir haben keine Wahl“, sagte Angela Vogt am Montag.\n\
        \"No vamos a rendirnos\", dijo Carlos Nino en la radio.\n\
        »Det er en skam«, siger Mette Holm.\n\
        「我们不会放弃」，李明说。\n";
    assert_eq!(speaker_of(text, "Pour certains").as_deref(), Some("Laurent Fabius"));
    assert_eq!(speaker_of(text, "Wir haben").as_deref(), Some("Angela Vogt"));
    assert_eq!(speaker_of(text, "No vamos").as_deref(), Some("Carlos Nino"));
    let report =
        "Informe\nLos militantes tienen armas \"con domicilios en Palermo y en el centro\", según el informe.\n";
    assert_eq!(speaker_of(report, "con domicilios").as_deref(), Some("el informe"));
    let q = quotes(text);
    assert!(q.iter().any(|(t, _)| t == "Det er en skam"), "{q:?}");
    assert!(q.iter().any(|(t, _)| t == "我们不会放弃"), "{q:?}");
}

#[test]
fn it_said_is_the_body_the_sentence_before_is_about() {
    let text = "Diet pills\n\
        The Food Standards Agency warned people to stay away from products that contained DNP.\n\
        “We advise the public not to take any tablets containing DNP,” it said in a statement.\n";
    assert_eq!(speaker_of(text, "We advise").as_deref(), Some("Food Standards Agency"));
}

#[test]
fn she_said_under_a_heading_that_opens_on_a_name_is_hers() {
    // A sub-heading written as a sentence about someone, then her words.
    let text = "# Diet pills\n\n\
        Chief inspector Jennifer Mattinson said the pills were being traced by police.\n\n\
        ## Fiona Parry issued a plea for people to stay away from the pills.\n\n\
        “Eloise never understood how dangerous the tablets were,” she said.\n";
    assert_eq!(speaker_of(text, "Eloise never").as_deref(), Some("Fiona Parry"));
}

#[test]
fn a_block_quotation_is_quoted_words() {
    // An excerpt of a blog post (with a code sample inside it), then an embedded post
    // signed by its author: a page's `<blockquote>`s with no quotation marks of their own.
    let page = "<html><head><title>Exploit</title></head><body><article><h1>Exploit crashes game servers</h1>\
        <p>Developer Ammar Askar has released code that exploits the bug. Here is how it works.</p>\
        <blockquote><p>The vulnerability stems from the fact that the client may send the server data.</p>\
        <pre><code>rekt: { list: [] }</code></pre>\
        <p>When the server decompresses our data, it holds 27 megs in a buffer.</p></blockquote>\
        <p>The city's mayor responded on social media the same evening.</p>\
        <blockquote><p>We are distributing 50 lakh masks today pic.twitter.com/MYwRz9euaq</p>\
        <p>— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019</p></blockquote>\
        </article></body></html>";
    let a = parse(page, Some(folio::article::Format::Html)).expect("an article");
    let q: Vec<(String, Option<String>)> = a.quotes.into_iter().map(|q| (q.text, q.speaker)).collect();
    let askar = Some("Ammar Askar".to_string());
    assert_eq!(
        q,
        [
            ("The vulnerability stems from the fact that the client may send the server data.".into(), askar.clone()),
            ("When the server decompresses our data, it holds 27 megs in a buffer.".into(), askar),
            ("We are distributing 50 lakh masks today".into(), Some("Arvind Kejriwal".to_string())),
        ]
    );
}

#[test]
fn a_sentence_that_ends_on_a_quotation_of_its_own_is_a_quote() {
    let text = "Water mains\n\
        “Don’t get nervous,” instructed Milton Velez, the district supervisor.\n\
        “I’m not,” Mr. Dejesus said as he secured the clamp. “It’s ‘Showtime at the Apollo.’”\n";
    let q = quotes(text);
    assert_eq!(speaker_of(text, "Don’t get").as_deref(), Some("Milton Velez"));
    assert!(q.iter().any(|(t, _)| t.starts_with("It’s ‘Showtime")), "{q:?}");
}

#[test]
fn a_title_in_capitals_after_a_verb_is_no_quote() {
    let text = "Games\n\
        Nintendo shocked the world by announcing \"Super Mario Run,\" its first foray into mobile gaming.\n\
        \"Not Guilty Today,\" she said.\n";
    let q: Vec<String> = quotes(text).into_iter().map(|(t, _)| t).collect();
    assert_eq!(q, ["Not Guilty Today"]);
}

#[test]
fn japanese_corner_brackets_mark_names_as_well_as_speech() {
    let text = "発表\n\
        同社は新アプリ「フリーWi-Fiプロテクション」を3月9日に公開した。\n\
        田中氏は「安全に使えるようにしたい」と述べた。\n\
        社長は記者会見で語った：「来年も続けます。」\n\
        「脱獄」とは、iOSを改造することです。「ミニ」という名前の店。\n";
    let q: Vec<String> = quotes(text).into_iter().map(|(t, _)| t).collect();
    assert_eq!(q, ["安全に使えるようにしたい", "来年も続けます。"]);
}

#[test]
fn dialogue_lines_are_quotes_of_the_person_above_or_the_narrator() {
    // Markdown: blank lines between paragraphs, the interviewee's name as a heading.
    let text = "# Entrevista\n\n\
        Los vecinos se reunieron el lunes en la plaza del pueblo.\n\n\
        —No vamos a rendirnos —dijo Juan Pérez—. Seguiremos mañana.\n\n\
        ## Ana Morales\n\n\
        ¿Qué le inspiró?\n\n\
        — Siempre me gustó cocinar para mi familia y mis amigos.\n";
    let q = quotes(text);
    assert_eq!(q[0], ("No vamos a rendirnos".to_string(), Some("Juan Pérez".to_string())));
    assert_eq!(q[1].1.as_deref(), Some("Juan Pérez"));
    assert_eq!(speaker_of(text, "Siempre me gustó").as_deref(), Some("Ana Morales"));
}

#[test]
fn figures_and_dates_of_other_languages() {
    let text = "Chiffres\n\
        Le 5 mai 2015, 2 209 Français ont été localisés; la facture atteint 1.234,5 millions.\n\
        中国去年对美出口3000亿美元，增长45%。\n";
    let s = statistics(text);
    for want in ["2 209 Français", "1.234,5 millions", "3000亿美元", "45%"] {
        assert!(s.iter().any(|x| x.starts_with(want.split(' ').next().unwrap_or(want))), "{want} in {s:?}");
    }
    assert!(dates(text).iter().any(|d| d == "5 mai 2015"), "{:?}", dates(text));
}

// 6. Vague and counted amounts; 7. dates.

#[test]
fn vague_amounts_and_time_counts_are_statistics_identifiers_are_not() {
    let text = "Floods\n\
        Tens of thousands of residents fled and hundreds of volunteers came, after dozens of complaints.\n\
        The mayor, who has only nine months left in office, promised a three-month consultation period.\n\
        After 9/11, the 1010data survey and Covid-19, the 2019 plan was cut; list item 3 was dropped at 10:30.\n";
    let s = statistics(text);
    for want in [
        "Tens of thousands of residents",
        "hundreds of volunteers",
        "dozens of complaints",
        "only nine months",
        "three-month consultation period",
    ] {
        assert!(s.iter().any(|x| x == want), "{want} in {s:?}");
    }
    for not in ["9", "11", "1010", "19", "2019", "3", "10"] {
        assert!(!s.iter().any(|x| x == not || x.starts_with(&format!("{not} "))), "{not} in {s:?}");
    }
}

#[test]
fn decades_seasons_and_ranges_are_dates() {
    let text = "History\n\
        Since the 1980s the river has flooded; it did so last August and in every year from 2014 to 2016.\n";
    assert_eq!(dates(text), ["1980s", "August", "2014", "2016"]);
}

// 8. People and organisations.

fn people(text: &str) -> Vec<(String, usize)> {
    article(text).people.into_iter().map(|p| (p.name, p.mentions)).collect()
}

fn organisations(text: &str) -> Vec<String> {
    article(text).organisations.into_iter().map(|o| o.name).collect()
}

#[test]
fn a_credit_an_outlet_a_document_and_a_group_are_no_people() {
    let text = "Harbour row\n\
        Lena Ortiz, who runs the ferry company, spoke on Monday. “We will not close,” Ortiz told The Daily Ledger.\n\
        (Fiona Hill/Harbour Press)\n\
        Photo: Daniel Marsh\n\
        The Kellner Memo said the ferry lost money, and Student Councils said they would protest.\n\
        Thursday Priya Nair said the council would meet again.\n";
    let names: Vec<String> = people(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Lena Ortiz", "Priya Nair"]);
    let orgs = organisations(text);
    for want in ["Daily Ledger", "Student Councils"] {
        assert!(orgs.iter().any(|o| o == want), "{want} in {orgs:?}");
    }
    assert!(!orgs.iter().any(|o| o.contains("Harbour Press") || o.contains("Memo")), "{orgs:?}");
}

#[test]
fn a_person_is_listed_once_under_the_fullest_name() {
    let text = "Clinic\n\
        Chidi Okonkwo opened the clinic in 2019. Chidi A. Okonkwo, its director, said it was full.\n\
        “We need more nurses,” Okonkwo said. Dr. Okonkwo has asked the city for help.\n";
    assert_eq!(people(text), [("Chidi A. Okonkwo".to_string(), 4)]);
}

#[test]
fn japanese_and_chinese_names_with_titles_are_people() {
    let text = "値上げ\n\
        「来年も値上げする」と山本会長は語った。田中社長も同意した。\n\
        习近平主席表示，中国将继续开放。\n";
    let names: Vec<String> = people(text).into_iter().map(|(n, _)| n).collect();
    for want in ["山本", "田中", "习近平"] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
}
