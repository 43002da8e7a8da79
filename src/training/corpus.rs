//! Training and evaluation data from annotated articles: a text beside its gold reading
//! (`NAME.txt` and `NAME.gold.json`, as in `../shared/quotes`), labelled the way
//! `../shared/tools/score-extraction` scores an export: quotations matched by their
//! words, speakers by name (one contains the other, or their last words are equal or one
//! edit apart).

use super::train::{Binary, Choice, Settings, logistic, ranker};
use crate::article::extract::quotes::AcceptFeature;
use crate::article::learn::Weights;
// The scorer's "one edit apart, five letters or more" is the resolver's own test.
use crate::article::resolve::entities::near;
use crate::article::{Article, parse_structure};
use unicode_normalization::UnicodeNormalization;

/// One gold quotation: its words (as `loose` gives them) and who said it.
#[derive(Debug, Clone)]
pub struct GoldQuote {
    pub words: String,
    /// The names the speaker may go by; empty when nobody said it.
    pub speakers: Vec<String>,
    /// The speaker was named by a person, not resolved by a program.
    pub named: bool,
}

/// An annotated article.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub name: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
    /// How much its examples count in training.
    pub weight: f64,
}

/// How much folio's own hand-checked articles and pages count against the news corpus:
/// they are few (about seventy against 837), and unlike PolNeAR their annotators did not
/// count a term in quotation marks as a quotation. Chosen on polnear-train's five-fold
/// figures and those pages' floors: at 1 the pages' quotation precision fell under
/// their floors, at 20 the corpus's recall fell by four points.
pub const OWN_WEIGHT: f64 = 5.0;

/// What folio's weights are trained on, from the checkout at `root` and the shared data
/// at `shared`: the PolNeAR training split, and folio's own hand-checked articles and web
/// pages counted [`OWN_WEIGHT`] times. polnear-dev and tests/gold/web/heldout are the
/// check and are never trained on.
pub fn training_sets(root: &std::path::Path, shared: &std::path::Path) -> Result<Vec<Annotated>, String> {
    let mut out = read_dir(&shared.join("quotes/polnear-train"))?;
    let mut own = read_dir(&root.join("tests/fixtures/articles"))?;
    own.extend(read_dir(&shared.join("samples"))?);
    own.extend(read_dir(&shared.join("seed"))?);
    let web = shared.join("web");
    own.extend(read_gold_pages(&root.join("tests/gold/web/readability"), &web)?);
    own.extend(read_gold_pages(&root.join("tests/gold/web/zyte"), &web)?);
    for a in &mut own {
        a.weight = OWN_WEIGHT;
    }
    out.extend(own);
    Ok(out)
}

/// The scorer's normal form of a name or a quotation.
pub fn norm(s: &str) -> String {
    let s: String = s
        .nfkc()
        .filter(|c| !matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'))
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_matches(['"', '\'']).trim().to_lowercase()
}

/// Lower-case words only (letters, digits, apostrophes and hyphens), as the scorer
/// compares quotations.
pub fn loose(s: &str) -> String {
    let n = norm(s);
    n.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `pred` names the gold speaker, as the scorer judges it.
pub fn same_speaker(gold: &[String], pred: Option<&str>) -> bool {
    let Some(pred) = pred.map(str::trim).filter(|p| !p.is_empty()) else { return gold.is_empty() };
    if gold.is_empty() {
        return false;
    }
    let p = norm(pred);
    gold.iter().any(|g| {
        let g = norm(g);
        !g.is_empty()
            && !p.is_empty()
            && (g.contains(&p)
                || p.contains(&g)
                || near(g.split(' ').next_back().unwrap_or(""), p.split(' ').next_back().unwrap_or("")))
    })
}

/// Whether `pred` names the gold speaker, judged more strictly than the scorer for
/// training: the gold's head (before an appositive or a relative clause) must end on the
/// prediction's last word, or be part of the prediction. "Mr. Schmidt, who bought the
/// club" is "Mark Schmidt"; "a Clinton campaign spokesman" is not "Hillary Clinton",
/// though the scorer finds one name inside the other.
pub fn strictly_same(gold: &[String], pred: Option<&str>) -> bool {
    let Some(pred) = pred.map(str::trim).filter(|p| !p.is_empty()) else { return gold.is_empty() };
    let p = norm(pred);
    gold.iter().any(|g| {
        let g = norm(g);
        let head = g.split([',', '(']).next().unwrap_or("").split(" who ").next().unwrap_or("").trim();
        let head = head.trim_end_matches("'s").trim_end_matches('\'');
        let last =
            |s: &str| s.split(' ').next_back().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        !head.is_empty() && (head == p || p.contains(head) || near(&last(head), &last(&p)) && !last(&p).is_empty())
    })
}

/// Reads a gold file's quotations.
pub fn read_gold(json: &str) -> Result<Vec<GoldQuote>, String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let quotes = v.get("quotes").and_then(|q| q.as_array()).ok_or("no quotes list")?;
    Ok(quotes
        .iter()
        .map(|q| {
            let speakers = match q.get("speaker") {
                Some(serde_json::Value::String(s)) => vec![s.clone()],
                Some(serde_json::Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
                _ => Vec::new(),
            };
            GoldQuote {
                words: loose(q.get("text").and_then(|t| t.as_str()).unwrap_or("")),
                speakers,
                named: q.get("speaker_source").is_none(),
            }
        })
        .collect())
}

/// The names of the gold files in `dir` (`NAME.gold.json`), sorted.
fn gold_names(dir: &std::path::Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".gold.json").map(str::to_string))
        .collect();
    names.sort();
    Ok(names)
}

/// Every annotated article in `dir` (`NAME.txt` or `NAME.md` beside `NAME.gold.json`, or
/// the seed's `article.txt` beside `gold.json`), by name.
pub fn read_dir(dir: &std::path::Path) -> Result<Vec<Annotated>, String> {
    if let (Ok(text), Ok(gold)) =
        (std::fs::read_to_string(dir.join("article.txt")), std::fs::read_to_string(dir.join("gold.json")))
    {
        let quotes = read_gold(&gold).map_err(|e| format!("{}: {e}", dir.display()))?;
        return Ok(vec![Annotated { name: "article".into(), text, quotes, weight: 1.0 }]);
    }
    let names = gold_names(dir)?;
    let mut out = Vec::new();
    for name in names {
        let text = ["txt", "md"].iter().find_map(|ext| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).ok());
        let Some(text) = text else { continue };
        let gold = std::fs::read_to_string(dir.join(format!("{name}.gold.json"))).map_err(|e| e.to_string())?;
        let quotes = read_gold(&gold).map_err(|e| format!("{name}: {e}"))?;
        out.push(Annotated { name, text, quotes, weight: 1.0 });
    }
    Ok(out)
}

/// The hand-checked web pages of `tests/gold/web/SET` with their pages from `shared`
/// (`../shared/web`): `readability` pages are `NAME/source.html`, `zyte` ones
/// `zyte-dev/html/NAME.html.gz`.
pub fn read_gold_pages(gold: &std::path::Path, shared: &std::path::Path) -> Result<Vec<Annotated>, String> {
    use std::io::Read;
    let names = gold_names(gold)?;
    let mut out = Vec::new();
    for name in names {
        let zyte = shared.join("zyte-dev/html").join(format!("{name}.html.gz"));
        let text = if zyte.exists() {
            let bytes = std::fs::read(&zyte).map_err(|e| format!("{}: {e}", zyte.display()))?;
            let mut s = String::new();
            flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut s).map_err(|e| format!("{name}: {e}"))?;
            s
        } else {
            let page = shared.join("readability").join(&name).join("source.html");
            std::fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?
        };
        let g = std::fs::read_to_string(gold.join(format!("{name}.gold.json"))).map_err(|e| e.to_string())?;
        let quotes = read_gold(&g).map_err(|e| format!("{name}: {e}"))?;
        out.push(Annotated { name, text, quotes, weight: 1.0 });
    }
    Ok(out)
}

fn structure(text: &str) -> Option<Article> {
    parse_structure(text, None).ok()
}

/// Pairs each prediction with the gold quotation it matches, as the scorer does: gold in
/// order, each taking the first unused prediction with the same words.
fn matching(gold: &[GoldQuote], predicted: &[String]) -> Vec<Option<usize>> {
    let mut by_pred = vec![None; predicted.len()];
    let words: Vec<String> = predicted.iter().map(|p| loose(p)).collect();
    for (g, q) in gold.iter().enumerate() {
        if let Some(j) = (0..words.len()).find(|&j| by_pred[j].is_none() && words[j] == q.words) {
            by_pred[j] = Some(g);
        }
    }
    by_pred
}

/// What one article teaches: the spans weighed for acceptance, labelled, and the speaker
/// choices of its quotations that match a gold one.
pub fn samples(a: &Annotated, weights: &Weights) -> (Vec<Binary>, Vec<Choice>) {
    let Some(article) = structure(&a.text) else { return (Vec::new(), Vec::new()) };
    let paras = crate::article::parse::paragraph_refs(&article);
    let spans = crate::article::extract::weighed_spans(&paras, &weights.accept);
    let words: Vec<String> = spans.iter().map(|(w, _)| w.clone()).collect();
    let matched = matching(&a.quotes, &words);
    let accept =
        spans.into_iter().zip(&matched).map(|((_, x), m)| Binary { x, y: m.is_some(), weight: a.weight }).collect();
    let mut considered = Vec::new();
    crate::article::parse::extract_with(&paras, &article, weights, Some(&mut considered));
    let texts: Vec<String> = considered.iter().map(|c| c.quote.clone()).collect();
    let matched = matching(&a.quotes, &texts);
    let choices = considered
        .into_iter()
        .zip(matched)
        .filter_map(|(c, m)| {
            let g = &a.quotes[m?];
            // The candidates strictly right; failing any, those the scorer accepts.
            let strict: Vec<bool> =
                c.candidates.iter().map(|(name, _)| strictly_same(&g.speakers, name.as_deref())).collect();
            let right = if strict.iter().any(|&r| r) {
                strict
            } else {
                c.candidates.iter().map(|(name, _)| same_speaker(&g.speakers, name.as_deref())).collect()
            };
            Some(Choice { candidates: c.candidates.into_iter().map(|(_, f)| f).collect(), right, weight: a.weight })
        })
        .collect();
    (accept, choices)
}

/// The weights the acceptance samples are drawn with: the rules' answer alone, so that
/// training does not depend on the weights compiled in.
fn rules_only() -> Weights {
    let mut accept = vec![0.0; crate::article::extract::quotes::accept_names().len()];
    accept[AcceptFeature::Bias as usize] = -0.5;
    accept[AcceptFeature::RuleAccepts as usize] = 1.0;
    Weights { accept, speaker: vec![0.0; crate::article::resolve::speaker_names().len()], chain: false }
}

/// Trains both models on `articles`: acceptance first (on spans drawn with the rules'
/// answer), then the speaker ranker on the quotations the new acceptance keeps, in two
/// rounds: the first sees the rules' speakers of the quotations before, the second the
/// first round's choices, as the model will see its own when it runs.
pub fn train(articles: &[Annotated], s: Settings) -> Weights {
    let rules = rules_only();
    let accept_samples: Vec<Binary> = articles.iter().flat_map(|a| samples(a, &rules).0).collect();
    let accept = logistic(&accept_samples, crate::article::extract::quotes::accept_names().len(), s);
    let first = Weights { accept: accept.clone(), speaker: rules.speaker, chain: false };
    let choices: Vec<Choice> = articles.iter().flat_map(|a| samples(a, &first).1).collect();
    let speaker = ranker(&choices, crate::article::resolve::speaker_names().len(), s);
    let second = Weights { accept: accept.clone(), speaker, chain: true };
    let choices: Vec<Choice> = articles.iter().flat_map(|a| samples(a, &second).1).collect();
    let speaker = ranker(&choices, crate::article::resolve::speaker_names().len(), s);
    Weights { accept, speaker, chain: true }
}

/// Counts as the scorer sums them over a folder.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub speakers_right: usize,
    pub named: usize,
    pub named_right: usize,
    /// Of the named speakers missed: a wrong speaker given, or none.
    pub named_wrong: usize,
    pub named_none: usize,
}

impl Score {
    pub fn add(&mut self, o: Score) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.speakers_right += o.speakers_right;
        self.named += o.named;
        self.named_right += o.named_right;
        self.named_wrong += o.named_wrong;
        self.named_none += o.named_none;
    }

    pub fn f1(&self) -> f64 {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        write!(
            f,
            "quotes P {p:.3} R {r:.3} F1 {:.3}; speakers {:.3}; named {}/{} = {:.3} (wrong {}, none {})",
            self.f1(),
            self.speakers_right as f64 / self.matched.max(1) as f64,
            self.named_right,
            self.named,
            self.named_right as f64 / self.named.max(1) as f64,
            self.named_wrong,
            self.named_none
        )
    }
}

/// How `weights` do on one article, as the scorer would count it.
pub fn evaluate(a: &Annotated, weights: &Weights) -> Score {
    let Some(article) = structure(&a.text) else { return Score { gold: a.quotes.len(), ..Score::default() } };
    let paras = crate::article::parse::paragraph_refs(&article);
    let x = crate::article::parse::extract_with(&paras, &article, weights, None);
    let texts: Vec<String> = x.quotes.iter().map(|q| q.text.clone()).collect();
    let matched = matching(&a.quotes, &texts);
    let mut s = Score { gold: a.quotes.len(), predicted: texts.len(), ..Score::default() };
    for (j, m) in matched.iter().enumerate() {
        let Some(g) = m.map(|g| &a.quotes[g]) else { continue };
        s.matched += 1;
        let pred = x.quotes[j].speaker.as_deref();
        let ok = same_speaker(&g.speakers, pred);
        s.speakers_right += usize::from(ok);
        if g.named {
            s.named += 1;
            s.named_right += usize::from(ok);
            if !ok {
                if pred.is_some() { s.named_wrong += 1 } else { s.named_none += 1 }
            }
        }
    }
    s
}

/// One line per named gold speaker `weights` miss in `a`, for study: the quotation, the
/// gold speaker, the prediction, whether any candidate was right, and the candidates
/// with their scores (tab-separated).
pub fn diagnose(a: &Annotated, weights: &Weights) -> Vec<String> {
    let Some(article) = structure(&a.text) else { return Vec::new() };
    let paras = crate::article::parse::paragraph_refs(&article);
    let mut considered = Vec::new();
    crate::article::parse::extract_with(&paras, &article, weights, Some(&mut considered));
    let texts: Vec<String> = considered.iter().map(|c| c.quote.clone()).collect();
    let matched = matching(&a.quotes, &texts);
    let mut out = Vec::new();
    for (c, m) in considered.iter().zip(matched) {
        let Some(g) = m.map(|g| &a.quotes[g]).filter(|g| g.named) else { continue };
        let scored: Vec<(f32, Option<&str>, bool)> = c
            .candidates
            .iter()
            .map(|(n, f)| (f.score(&weights.speaker), n.as_deref(), same_speaker(&g.speakers, n.as_deref())))
            .collect();
        let best = scored.iter().copied().fold((f32::MIN, None, false), |b, x| if x.0 > b.0 { x } else { b });
        if best.2 && std::env::var_os("FOLIO_DIAGNOSE_ALL").is_none() {
            continue;
        }
        let any = scored.iter().any(|x| x.2);
        let list: Vec<String> = scored
            .iter()
            .map(|(s, n, r)| format!("{}{}={s:.2}", if *r { "*" } else { "" }, n.unwrap_or("NONE")))
            .collect();
        out.push(format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            a.name,
            c.quote.chars().take(60).collect::<String>(),
            g.speakers.join(" | "),
            best.1.unwrap_or("NONE"),
            if best.2 {
                "RIGHT"
            } else if any {
                "RANK"
            } else {
                "CAND"
            },
            c.said,
            list.join("; ")
        ));
    }
    out
}

/// One line per span `weights` accept or turn away wrongly in `a`, for study: "MISS" or
/// "EXTRA", the score, the words, and the sentence around them.
pub fn diagnose_spans(a: &Annotated, weights: &Weights) -> Vec<String> {
    let Some(article) = structure(&a.text) else { return Vec::new() };
    let paras = crate::article::parse::paragraph_refs(&article);
    let spans = crate::article::extract::weighed_spans(&paras, &weights.accept);
    let words: Vec<String> = spans.iter().map(|(w, _)| w.clone()).collect();
    let matched = matching(&a.quotes, &words);
    let mut considered = Vec::new();
    crate::article::parse::extract_with(&paras, &article, weights, Some(&mut considered));
    let kept: Vec<String> = considered.iter().map(|c| loose(&c.quote)).collect();
    spans
        .iter()
        .zip(&matched)
        .filter_map(|((w, f), m)| {
            let score = f.score(&weights.accept);
            let accepted = score > 0.0 && kept.contains(&loose(w));
            match (accepted, m.is_some()) {
                (true, false) => Some(format!("EXTRA\t{score:.2}\t{}\t{w}", a.name)),
                (false, true) => Some(format!("MISS\t{score:.2}\t{}\t{w}", a.name)),
                _ => None,
            }
        })
        .collect()
}

/// The weights file's text for `w`: what `build.rs` reads back.
pub fn weights_file(w: &Weights) -> String {
    let mut out = String::from(
        "# folio's learned weights. Written by scripts/train-quotes (do not edit by hand);\n\
         # build.rs compiles them in. One feature per line: name, tab, weight.\n",
    );
    let sections = [
        ("accept", crate::article::extract::quotes::accept_names(), &w.accept),
        ("speaker", crate::article::resolve::speaker_names(), &w.speaker),
    ];
    for (section, names, weights) in sections {
        out.push_str(&format!("[{section}]\n"));
        for (n, w) in names.iter().zip(weights.iter()) {
            out.push_str(&format!("{n}\t{w:.4}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_as_the_scorer_matches_them() {
        let g = |s: &str| vec![s.to_string()];
        assert!(same_speaker(&g("Trump"), Some("Donald J. Trump")));
        assert!(same_speaker(&g("Rep. John Mica (R-Fla.)"), Some("John Mica")));
        assert!(same_speaker(&g("the Trump campaign"), Some("Trump")));
        assert!(same_speaker(&g("Mr. Kowalczyk"), Some("Anna Kowalcyk")));
        assert!(!same_speaker(&g("Clinton"), Some("Bernie Sanders")));
        assert!(!same_speaker(&g("Clinton"), None));
        assert!(same_speaker(&[], None));
        assert!(strictly_same(&g("Mr. Schmidt, who bought the club"), Some("Mark Schmidt")));
        assert!(strictly_same(&g("Rep. John Mica (R-Fla.)"), Some("John Mica")));
        assert!(strictly_same(&g("Trump"), Some("Donald J. Trump")));
        assert!(!strictly_same(&g("a Clinton campaign spokesman"), Some("Hillary Clinton")));
        assert!(!strictly_same(&g("the Trump campaign"), Some("Donald Trump")));
        assert!(strictly_same(&g("the Trump campaign"), Some("the Trump campaign")));
        assert!(!same_speaker(&[], Some("Trump")));
    }

    #[test]
    fn quotations_match_by_their_words() {
        assert_eq!(loose("“We will win,” "), "we will win");
        assert_eq!(loose("It’s  over!"), "it's over");
    }
}
