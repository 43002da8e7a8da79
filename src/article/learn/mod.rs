//! The extractors' learned parts: linear models over named features, whose weights are
//! data (`weights.txt`, written by `scripts/train-quotes` from the annotated news in
//! `../shared/quotes/polnear-train`, compiled in by `build.rs`).
//!
//! Two models: `accept` says whether the words between quotation marks are a quotation
//! (someone's words) rather than a term, a scare quote or a title; `speaker` ranks who
//! said a quotation among the people and bodies the article names around it. Rules still
//! find the candidates and describe them (the attribution patterns, the pronoun a verb
//! takes, who was named last); the weights decide how far to trust each description.
//! Features are named, so a model keeps its meaning when features are added (a new
//! feature weighs nothing until the model is trained again). Training lives in
//! `crate::training`.

/// A sparse feature vector: (feature index, value). Most features are on (1.0) or absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features(pub Vec<(u16, f32)>);

impl Features {
    pub fn on(&mut self, f: impl Into<u16>) {
        self.0.push((f.into(), 1.0));
    }

    pub fn set_if(&mut self, cond: bool, f: impl Into<u16>) {
        if cond {
            self.on(f);
        }
    }

    pub fn value(&mut self, f: impl Into<u16>, v: f32) {
        if v != 0.0 {
            self.0.push((f.into(), v));
        }
    }

    /// In index order, each feature once (a feature set twice keeps its larger value).
    fn settle(&mut self) {
        self.0.sort_by_key(|&(i, _)| i);
        self.0.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 = a.1.max(b.1);
            }
            same
        });
    }

    /// The same features with every pair of them as a feature of its own (value: the
    /// product), after the `n` single ones: a linear model over pairs weighs one fact by
    /// another ("the rules' answer" counts for less when it "opens on a function word").
    pub fn paired(mut self, n: usize) -> Features {
        self.settle();
        let single = self.0.len();
        for x in 0..single {
            for y in x + 1..single {
                let ((i, u), (j, v)) = (self.0[x], self.0[y]);
                if (j as usize) < n {
                    self.0.push(((n + pair_index(i as usize, j as usize, n)) as u16, u * v));
                }
            }
        }
        self
    }

    pub fn has(&self, f: impl Into<u16>) -> bool {
        let f = f.into();
        self.0.iter().any(|&(i, _)| i == f)
    }

    /// The score [`Features::paired`] would give under `weights`, without building the
    /// pairs: what the reader needs (the pairs themselves are for training and study).
    pub fn paired_score(&self, n: usize, weights: &[f32]) -> f32 {
        let mut settled = self.clone();
        settled.settle();
        let single = &settled.0;
        let w = |k: usize| weights.get(k).copied().unwrap_or(0.0);
        let mut sum = 0.0;
        for (x, &(i, u)) in single.iter().enumerate() {
            sum += w(i as usize) * u;
            for &(j, v) in &single[x + 1..] {
                if (j as usize) < n {
                    sum += w(n + pair_index(i as usize, j as usize, n)) * u * v;
                }
            }
        }
        sum
    }

    /// The score under `weights` (indexed like the features).
    pub fn score(&self, weights: &[f32]) -> f32 {
        self.0.iter().map(|&(i, v)| weights.get(i as usize).copied().unwrap_or(0.0) * v).sum()
    }
}

/// Where the pair (i, j), i < j, of `n` features stands among the pairs.
fn pair_index(i: usize, j: usize, n: usize) -> usize {
    i * (2 * n - i - 1) / 2 + (j - i - 1)
}

/// A model's feature names: its own, then, when `pairs`, every pair of them ("a & b") in
/// the order [`Features::paired`] numbers them.
pub fn names(base: &[&str], pairs: bool) -> Vec<String> {
    let mut out: Vec<String> = base.iter().map(|s| s.to_string()).collect();
    if pairs {
        for i in 0..base.len() {
            for j in i + 1..base.len() {
                out.push(format!("{} & {}", base[i], base[j]));
            }
        }
    }
    out
}

/// Declares a model's features: an enum whose variants index the weights, with the
/// names the weights file uses.
macro_rules! features {
    ($(#[$m:meta])* $vis:vis enum $name:ident { $($variant:ident = $label:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u16)]
        $vis enum $name { $($variant),* }
        impl $name {
            pub const NAMES: &'static [&'static str] = &[$($label),*];
        }
        impl From<$name> for u16 {
            fn from(f: $name) -> u16 {
                f as u16
            }
        }
    };
}
pub(crate) use features;

/// The weights of both models, indexed like their features.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub accept: Vec<f32>,
    pub speaker: Vec<f32>,
    /// The speaker model runs on its own choices for the quotations before (the weights
    /// folio ships); its first round of training runs on the rules' instead.
    pub chain: bool,
}

// Generated by build.rs from weights.txt: ACCEPT and SPEAKER, as (name, weight) pairs;
// each model's module lays its own out (`laid_out`), so this layer imports none of them.
include!(concat!(env!("OUT_DIR"), "/weights.rs"));

impl Weights {
    /// Weights given by name, laid out for the features' `names`; a feature the file
    /// does not name weighs nothing. The file lists them in the same order unless the
    /// features changed since it was written: then they are matched by name.
    pub fn laid_out(names: &[String], given: &[(&str, f32)]) -> Vec<f32> {
        if names.len() == given.len() && names.iter().zip(given).all(|(n, (g, _))| n == g) {
            return given.iter().map(|&(_, w)| w).collect();
        }
        let by_name: std::collections::HashMap<&str, f32> = given.iter().copied().collect();
        names.iter().map(|n| by_name.get(n.as_str()).copied().unwrap_or(0.0)).collect()
    }
}
