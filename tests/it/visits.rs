//! From one article to the next, through `update`: the history keeps each article's
//! place, selection and search; a list's entries open and come back marked read; and a
//! hostile feed's list shows nothing raw.

use crate::common::{press, render, screen_text};
use folio::app::items::Group;
use folio::app::listing::{Destination, FeedResult, from_feeds};
use folio::app::loading::Loaded;
use folio::app::{Action, App, Effect, update};

fn other_article() -> folio::article::Article {
    folio::article::parse("# Another article\n\nA paragraph of another article, short and plain.\n", None).unwrap()
}

/// Follows `to` and lets the page arrive.
fn follow_and_arrive(app: &mut App, to: Option<Effect>) {
    assert!(matches!(to, Some(Effect::Follow(_))), "{to:?}");
    update(app, Action::Loaded(Loaded::Page(Box::new(other_article()))));
}

#[test]
fn back_restores_the_place_the_selection_and_the_search() {
    // Long enough that the place is not held back by the end of the text.
    let filler: String = (1..=60).map(|n| format!("Paragraph {n} of the filler, plain words to read.\n\n")).collect();
    let text = format!("{}\n\nRead [the next one](http://a.test/next) too.\n\n{filler}", folio::BUNDLED_ARTICLE);
    let article = folio::article::parse(&text, Some(folio::article::Format::Markdown)).unwrap();
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(120, 40));
    // A search, a quote chosen in the sidebar, the text moved on from it.
    press(&mut app, &[Action::StartSearch]);
    for c in "traffick".chars() {
        update(&mut app, Action::PromptInput(c));
    }
    press(&mut app, &[Action::PromptAccept, Action::ShowGroup(Group::Quotes), Action::Down, Action::Down]);
    press(&mut app, &[Action::FocusNext, Action::PageDown, Action::PageDown, Action::NextParagraph]);
    let (place, selected, matches) = (app.reader().top, app.list(Group::Quotes).selected, app.search().matches.len());
    assert!(matches > 0 && selected == 2);
    // `#`, 1, Enter: the link by its number.
    press(&mut app, &[Action::NumberLinks, Action::PromptInput('1')]);
    let effect = update(&mut app, Action::PromptAccept);
    assert!(matches!(&effect, Some(Effect::Follow(d)) if d.location == "http://a.test/next"), "{effect:?}");
    follow_and_arrive(&mut app, effect);
    assert_eq!(app.title(), "Another article");
    assert_eq!(app.history_position(), Some((2, 2)));
    assert_eq!(app.search().query, "", "the search is the article's");
    update(&mut app, Action::Back);
    assert_eq!(app.history_position(), Some((1, 2)));
    assert_eq!(app.reader().top, place, "the same line on top");
    assert_eq!(app.list(Group::Quotes).selected, selected, "the same quote selected");
    assert_eq!((app.search().query.as_str(), app.search().matches.len()), ("traffick", matches), "the same search");
    update(&mut app, Action::Forward);
    assert_eq!(app.title(), "Another article");
}

#[test]
fn an_entry_read_comes_back_to_its_list_marked_read() {
    let rss = br#"<rss version="2.0"><channel><title>News</title>
        <item><title>One</title><link>http://a.test/1</link><guid>1</guid></item>
        <item><title>Two</title><link>http://a.test/2</link><guid>2</guid></item></channel></rss>"#;
    let feed = folio::feed::parse(rss, None);
    let listing = from_feeds("News".into(), vec![FeedResult { name: None, key: "http://a.test/rss".into(), feed }]);
    let mut app = App::new(Default::default(), folio::reader_options(88)).with_listing(listing);
    update(&mut app, Action::Resize(120, 40));
    assert_eq!(screen_text(&render(&app)).matches('●').count(), 2);
    let effect = update(&mut app, Action::Activate);
    assert!(matches!(&effect, Some(Effect::Follow(d)) if d.location == "http://a.test/1"), "{effect:?}");
    assert_eq!(app.read_now(), [("http://a.test/rss".to_string(), "1".to_string())]);
    follow_and_arrive(&mut app, Some(Effect::Follow(Destination::to("x"))));
    update(&mut app, Action::Back);
    let screen = screen_text(&render(&app));
    assert_eq!(screen.matches('●').count(), 1, "{screen}");
    // n: the next unread; at the end, round to the start.
    update(&mut app, Action::NextMatch);
    assert_eq!(app.listing().map(|l| l.selected), Some(1));
}

#[test]
fn a_hostile_feed_lists_nothing_raw() {
    let rss = "<rss version=\"2.0\"><channel><title>\u{1b}]8;;http://evil\u{7}Feed\u{202e}</title>\
        <item><title>&lt;b&gt;Bold&lt;/b&gt; \u{1b}[2J\u{9b}31m</title><link>javascript:alert(1)</link></item></channel></rss>";
    let feed = folio::feed::parse(rss.as_bytes(), None);
    let listing = from_feeds("t".into(), vec![FeedResult { name: None, key: "k\u{1b}[2J".into(), feed }]);
    assert_eq!(listing.rows[0].go, None, "a javascript: link is not followed");
    let mut app = App::new(Default::default(), folio::reader_options(88)).with_listing(listing);
    update(&mut app, Action::Resize(120, 40));
    let buf = render(&app);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "a raw {:?} on screen",
            cell.symbol()
        );
    }
    assert!(screen_text(&buf).contains("Bold"));
}
