//! Training the linear models: logistic regression for yes/no decisions and a
//! conditional-logit ranker for choosing one candidate among several, both by stochastic
//! gradient descent with AdaGrad steps and an L2 penalty. Deterministic: the samples are
//! visited in an order drawn from a fixed seed, in f64, so the same corpus gives the same
//! weights to the last printed digit (a test trains again and compares).

use crate::article::learn::Features;

/// One yes/no example.
#[derive(Debug, Clone)]
pub struct Binary {
    pub x: Features,
    pub y: bool,
    /// How much this example counts (1 for most).
    pub weight: f64,
}

/// One choice: the candidates' features, and which of them are right (at least one).
#[derive(Debug, Clone)]
pub struct Choice {
    pub candidates: Vec<Features>,
    pub right: Vec<bool>,
    pub weight: f64,
}

/// How hard to train. The defaults were chosen by cross-validation on polnear-train
/// (five folds, see `scripts/train-quotes`): more epochs or less penalty changed the
/// held-out figures by less than 0.002.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub epochs: usize,
    /// AdaGrad's base step.
    pub rate: f64,
    /// The L2 penalty per visit of a feature.
    pub l2: f64,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { epochs: 25, rate: 0.2, l2: 1e-5, seed: 0x5eed_f01e }
    }
}

/// A small deterministic generator (SplitMix64) for the visiting order.
struct Order(u64);

impl Order {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n shuffled (Fisher–Yates).
    fn shuffled(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
        v
    }
}

struct Learner {
    w: Vec<f64>,
    g2: Vec<f64>,
    s: Settings,
}

impl Learner {
    fn new(dims: usize, s: Settings) -> Learner {
        Learner { w: vec![0.0; dims], g2: vec![1e-8; dims], s }
    }

    fn score(&self, x: &Features) -> f64 {
        x.0.iter().map(|&(i, v)| self.w.get(i as usize).copied().unwrap_or(0.0) * f64::from(v)).sum()
    }

    /// One step along `-grad * x` for every feature of `x`.
    fn step(&mut self, x: &Features, grad: f64) {
        for &(i, v) in &x.0 {
            let i = i as usize;
            if i >= self.w.len() {
                continue;
            }
            let g = grad * f64::from(v) + self.s.l2 * self.w[i];
            self.g2[i] += g * g;
            self.w[i] -= self.s.rate * g / self.g2[i].sqrt();
        }
    }

    /// The weights as the file keeps them: four decimals.
    fn rounded(&self) -> Vec<f32> {
        self.w.iter().map(|w| ((w * 1e4).round() / 1e4) as f32).collect()
    }
}

/// Logistic regression: P(yes) = sigmoid(w·x).
pub fn logistic(samples: &[Binary], dims: usize, s: Settings) -> Vec<f32> {
    let mut l = Learner::new(dims, s);
    let mut order = Order(s.seed);
    for _ in 0..s.epochs {
        for k in order.shuffled(samples.len()) {
            let x = &samples[k];
            let p = 1.0 / (1.0 + (-l.score(&x.x)).exp());
            l.step(&x.x, x.weight * (p - if x.y { 1.0 } else { 0.0 }));
        }
    }
    l.rounded()
}

/// Conditional logit over each choice's candidates: maximises the probability of the
/// right ones, P(c) = exp(w·x_c) / Σ exp(w·x).
pub fn ranker(choices: &[Choice], dims: usize, s: Settings) -> Vec<f32> {
    let mut l = Learner::new(dims, s);
    let mut order = Order(s.seed);
    for _ in 0..s.epochs {
        for k in order.shuffled(choices.len()) {
            let c = &choices[k];
            if c.candidates.len() < 2 || !c.right.iter().any(|&r| r) {
                continue;
            }
            let scores: Vec<f64> = c.candidates.iter().map(|x| l.score(x)).collect();
            let top = scores.iter().copied().fold(f64::MIN, f64::max);
            let e: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let all: f64 = e.iter().sum();
            let right: f64 = e.iter().zip(&c.right).filter(|(_, r)| **r).map(|(e, _)| e).sum();
            // d(-log Σ_right p)/d score_j = p_j - [j right] p_j / Σ_right p
            for (j, x) in c.candidates.iter().enumerate() {
                let p = e[j] / all;
                let q = if c.right[j] { e[j] / right } else { 0.0 };
                l.step(x, c.weight * (p - q));
            }
        }
    }
    l.rounded()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(on: &[u16]) -> Features {
        Features(on.iter().map(|&i| (i, 1.0)).collect())
    }

    #[test]
    fn logistic_learns_a_separable_rule_and_is_repeatable() {
        // Feature 1 means yes, feature 2 means no; feature 0 is a bias.
        let samples: Vec<Binary> = (0..200)
            .map(|k| Binary { x: x(&[0, if k % 3 == 0 { 1 } else { 2 }]), y: k % 3 == 0, weight: 1.0 })
            .collect();
        let w = logistic(&samples, 3, Settings::default());
        assert!(w[1] > 1.0 && w[2] < -1.0, "{w:?}");
        assert_eq!(w, logistic(&samples, 3, Settings::default()));
    }

    #[test]
    fn the_ranker_prefers_the_feature_of_the_right_candidate() {
        // Candidate with feature 1 is right; feature 2 is a distractor present on others.
        let choices: Vec<Choice> = (0..100)
            .map(|k| Choice {
                candidates: vec![x(&[2]), x(&[1]), x(&[2, 0])],
                right: vec![false, true, k % 10 == 0],
                weight: 1.0,
            })
            .collect();
        let w = ranker(&choices, 3, Settings::default());
        assert!(w[1] > w[2] && w[1] > w[0], "{w:?}");
    }
}
