// Scratch timing (not committed).
use std::time::Instant;
use annals::load::{self, OnDisk};
use annals::query::Query;
use annals::search::WordStartMatcher;
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let cpu_load = cpu();
    let dataset = load::load(&OnDisk::new("target/annals-bench/100000")).expect("loads");
    println!("load cpu {} ms", (cpu() - cpu_load) * 10);
    if std::env::var("STEPS").is_ok() { steps(&dataset); return; }
    for q in ["artilery", "artillery shells", "kn23", "putin kim"] {
        let query: Query = q.parse().unwrap();
        let mut times = Vec::new();
        let cpu0 = cpu();
        let mut n = 0;
        for _ in 0..30 {
            let t = Instant::now();
            n = query.filter(&dataset, &WordStartMatcher).len();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let cpu_ms = (cpu() - cpu0) as f64 * 10.0 / times.len() as f64;
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!("{q:20} n={n:6} min {:7.1} ms  median {:7.1} ms  cpu/run {:7.1} ms", times[0], times[times.len() / 2], cpu_ms);
    }
}
pub fn steps(dataset: &annals::model::Dataset) {
    let matcher = WordStartMatcher;
    for q in ["artillery shells", "kn23", "putin kim", "artilery"] {
        let mut total_cpu = 0u64;
        let mut worst = 0.0f64;
        for k in 1..=q.len() {
            let step = &q[..k];
            if step.ends_with(' ') { continue; }
            let query: Query = step.parse().unwrap();
            let before: Query = step[..step.len() - 1].parse().unwrap();
            let within = query.narrows(&before).then(|| before.filter(dataset, &matcher));
            let query = if within.is_some() { query.residual(&before) } else { query };
            let c0 = cpu();
            let mut times = Vec::new();
            for _ in 0..10 {
                let t = Instant::now();
                std::hint::black_box(query.filter_within(dataset, &matcher, within.as_deref(), &|| false));
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            total_cpu += cpu() - c0;
            times.sort_by(|a, b| a.partial_cmp(b).unwrap());
            worst = worst.max(times[0]);
        }
        println!("{q:20} steps cpu total/rep {:7.1} ms   slowest step (its fastest run) {:6.1} ms", total_cpu as f64 * 10.0 / 10.0, worst);
    }
}
fn cpu() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap().split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}
