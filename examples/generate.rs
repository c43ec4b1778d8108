//! Write a synthetic dataset of N events in the real layout, deterministically, for the
//! scale benchmarks: `cargo run --release --example generate -- N DIR [SEED]`.
//!
//! Events are sharded 1,000 to a file under data/events/, cite seed articles under seeds/
//! with sentences copied from them (so every quote verifies), and use the vocabulary of the
//! bundled dataset at realistic lengths (titles ~70 characters, summaries ~300).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const EVENTS_PER_SHARD: usize = 1_000;
const EVENTS_PER_SOURCE: usize = 200;
const SENTENCES_PER_SOURCE: usize = 60;

const STATES: &[(&str, &str, &[&str])] = &[
    ("north-korea", "North Korea", &["DPRK", "Pyongyang"]),
    ("russia", "Russia", &["Moscow", "Russian Federation"]),
    ("ukraine", "Ukraine", &["Kyiv"]),
    ("south-korea", "South Korea", &["Seoul", "ROK"]),
    ("united-states", "United States", &["Washington", "US"]),
    ("japan", "Japan", &["Tokyo"]),
    ("china", "China", &["Beijing"]),
    ("iran", "Iran", &["Tehran"]),
];
const PEOPLE: &[(&str, &str, &[&str])] = &[
    ("kim-jong-un", "Kim Jong Un", &["Kim"]),
    ("vladimir-putin", "Vladimir Putin", &["Putin"]),
    ("sergei-shoigu", "Sergei Shoigu", &["Shoigu"]),
    ("sergey-lavrov", "Sergey Lavrov", &["Lavrov"]),
    ("kyrylo-budanov", "Kyrylo Budanov", &["Budanov"]),
    ("john-kirby", "John Kirby", &["Kirby"]),
    ("yoo-sang-bum", "Yoo Sang-bum", &["Yoo"]),
    ("choe-son-hui", "Choe Son Hui", &["Choe"]),
    ("andrei-belousov", "Andrei Belousov", &["Belousov"]),
    ("mark-cancian", "Mark Cancian", &["Cancian"]),
];
const AGENCIES: &[(&str, &str, &[&str])] = &[
    ("nis", "National Intelligence Service", &["NIS"]),
    ("south-korea-mod", "South Korean Ministry of Defense", &["MND"]),
    ("south-korea-dia", "Defense Intelligence Agency", &["DIA"]),
    ("hur", "Ukrainian military intelligence", &["HUR", "GUR"]),
    ("white-house-nsc", "National Security Council", &["NSC"]),
    ("kremlin", "The Kremlin", &["Kremlin"]),
    ("kcna", "Korean Central News Agency", &["KCNA"]),
    ("un-panel", "UN Panel of Experts", &["Panel of Experts"]),
];
const WEAPONS: &[(&str, &str, &str, &[&str])] = &[
    ("artillery-shells", "Artillery shells", "artillery-ammunition", &["shells", "artillery rounds"]),
    ("shells-152mm", "152 mm shells", "artillery-ammunition", &["152 mm", "152mm"]),
    ("shells-122mm", "122 mm rockets", "artillery-ammunition", &["122 mm"]),
    ("kn-23", "KN-23 short-range ballistic missile", "ballistic-missile", &["KN-23", "Hwasong-11"]),
    ("kn-24", "KN-24 short-range ballistic missile", "ballistic-missile", &["KN-24"]),
    ("koksan", "M-1989 Koksan self-propelled gun", "artillery", &["M-1989", "Koksan", "170 mm"]),
    ("m-1991", "M-1991 multiple rocket launcher", "rocket-artillery", &["M-1991", "240 mm"]),
    ("troops", "Troops", "personnel", &["soldiers", "personnel"]),
    ("engineers", "Combat engineers", "personnel", &["sappers"]),
    (
        "satellite-tech",
        "Satellite technology",
        "space-technology",
        &["spy satellite", "reconnaissance satellite"],
    ),
    ("submarine-tech", "Nuclear submarine technology", "naval-technology", &["submarine"]),
    ("reentry-tech", "Missile re-entry technology", "missile-technology", &["re-entry", "ICBM"]),
    ("fighter-jets", "Fighter jets", "aircraft", &["MiG-29", "Su-27"]),
    ("air-defence", "Air-defence systems", "other", &["Pantsir", "S-400"]),
    ("drones", "Attack drones", "other", &["Shahed", "Geran-2"]),
    ("raw-materials", "Raw materials", "raw-materials", &["ore", "metals"]),
    ("shipping-containers", "Shipping containers", "munitions", &["containers"]),
    ("ammunition-boxes", "Ammunition boxes", "munitions", &["crates"]),
];
const PLACES: &[&str] = &[
    "Najin",
    "Rason",
    "Vostochny",
    "Dunai",
    "Tumangang",
    "Khasan",
    "Kursk",
    "Belgorod",
    "Toretsk",
    "Vladivostok",
    "Pyongyang",
    "Moscow",
    "Kharkiv",
    "Donetsk",
    "Zaporizhzhia",
    "Wonsan",
    "Chongjin",
    "Ussuriysk",
];
const VERBS: &[&str] = &[
    "shipped",
    "delivered",
    "transferred",
    "sent",
    "moved",
    "supplied",
    "handed over",
    "loaded",
    "transported",
];
const MEANS: &[&str] =
    &["by rail", "by sea", "by air", "by truck convoy", "through the Tumen River bridge", "on cargo ships"];
const CLAIMS: &[&str] =
    &["said", "reported", "estimated", "assessed", "told lawmakers", "claimed", "confirmed", "denied"];
const KINDS: &[&str] = &[
    "transfer",
    "transfer",
    "transfer",
    "deployment",
    "meeting",
    "visit",
    "assessment",
    "assessment",
    "statement",
    "denial",
    "agreement",
    "pledge",
    "production",
    "casualties",
    "condemnation",
];
const STATUSES: &[&str] =
    &["reported", "reported", "reported", "confirmed", "denied", "disputed", "pledged", "planned"];
const QUALIFIERS: &[&str] = &["over", "about", "up-to", "at-least", "nearly"];
/// What a figure counts besides the event's weapon (docs/DATA.md, "Quantities").
const TALLIES: &[&str] =
    &["troops-deployed", "troops-in-combat", "troops-killed", "troops-wounded", "containers", "shipments"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: generate N DIR [SEED]";
    let count: usize = args.get(1).and_then(|n| n.replace('_', "").parse().ok()).expect(usage);
    let dir = Path::new(args.get(2).expect(usage));
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    generate(count, dir, seed).expect("writing the dataset");
    eprintln!("wrote {count} events to {}", dir.display());
}

struct Article {
    id: String,
    sentences: Vec<String>,
}

pub fn generate(count: usize, dir: &Path, seed: u64) -> std::io::Result<()> {
    let mut rng = fastrand::Rng::with_seed(seed);
    fs::create_dir_all(dir.join("data/events"))?;
    fs::create_dir_all(dir.join("seeds"))?;
    fs::write(dir.join("data/dataset.toml"), format!("name = \"Synthetic dataset of {count} events\"\n"))?;

    let mut actors = String::new();
    for (kind, list) in [("state", STATES), ("person", PEOPLE), ("agency", AGENCIES)] {
        for (id, name, aliases) in list {
            let aliases: Vec<String> = aliases.iter().map(|a| format!("{a:?}")).collect();
            let _ = writeln!(
                actors,
                "[[actor]]\nid = {id:?}\nname = {name:?}\nkind = {kind:?}\naliases = [{}]\n",
                aliases.join(", ")
            );
        }
    }
    fs::write(dir.join("data/actors.toml"), actors)?;

    let mut weapons = String::new();
    for (id, name, category, aliases) in WEAPONS {
        let designations: Vec<String> = aliases.iter().map(|a| format!("{a:?}")).collect();
        let _ = writeln!(
            weapons,
            "[[weapon]]\nid = {id:?}\nname = {name:?}\ncategory = {category:?}\ndesignations = [{}]\n",
            designations.join(", ")
        );
    }
    fs::write(dir.join("data/weapons.toml"), weapons)?;

    let article_count = count.div_ceil(EVENTS_PER_SOURCE).max(5);
    let mut articles = Vec::with_capacity(article_count);
    let mut sources = String::new();
    for a in 0..article_count {
        let id = format!("source-{a:05}");
        let sentences: Vec<String> = (0..SENTENCES_PER_SOURCE).map(|_| sentence(&mut rng)).collect();
        let mut text = format!("Synthetic article {a}\n\n");
        for paragraph in sentences.chunks(4) {
            text.push_str(&paragraph.join(" "));
            text.push_str("\n\n");
        }
        fs::write(dir.join(format!("seeds/{id}.txt")), text)?;
        let grade = ["A", "B", "B", "C", "C", "D"][rng.usize(..6)];
        let _ = writeln!(
            sources,
            "[[source]]\nid = {id:?}\ntitle = \"Synthetic report {a} on North Korean arms for Russia\"\noutlet = \"Outlet {}\"\npublished = \"{}-{:02}\"\npublished_basis = \"Generated.\"\nfile = \"seeds/{id}.txt\"\nreliability = {grade:?}\nreliability_reason = \"Generated for benchmarks.\"\n",
            a % 40,
            2020 + rng.i32(0..7),
            rng.u32(1..13),
        );
        articles.push(Article { id, sentences });
    }
    fs::write(dir.join("data/sources.toml"), sources)?;

    let actor_ids: Vec<&str> = STATES.iter().chain(PEOPLE).chain(AGENCIES).map(|(id, ..)| *id).collect();
    for shard in 0..count.div_ceil(EVENTS_PER_SHARD) {
        let mut out = String::with_capacity(EVENTS_PER_SHARD * 1_200);
        for i in shard * EVENTS_PER_SHARD..((shard + 1) * EVENTS_PER_SHARD).min(count) {
            event(&mut out, &mut rng, i, count, &actor_ids, &articles);
        }
        fs::write(dir.join(format!("data/events/shard-{shard:05}.toml")), out)?;
    }
    Ok(())
}

fn pick<'a>(rng: &mut fastrand::Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

fn sentence(rng: &mut fastrand::Rng) -> String {
    let (_, who, _) = PEOPLE[rng.usize(..PEOPLE.len())];
    let (_, agency, _) = AGENCIES[rng.usize(..AGENCIES.len())];
    let (_, weapon, _, aliases) = WEAPONS[rng.usize(..WEAPONS.len())];
    let alias = aliases[rng.usize(..aliases.len())];
    match rng.usize(..4) {
        0 => format!(
            "{who} {} that North Korea had {} about {} {} ({alias}) to Russia {} via {} since {}.",
            pick(rng, CLAIMS),
            pick(rng, VERBS),
            rng.u32(2..900) * 100,
            weapon.to_lowercase(),
            pick(rng, MEANS),
            pick(rng, PLACES),
            ["early August", "last month", "the spring", "October 2024", "the start of the year"]
                [rng.usize(..5)],
        ),
        1 => format!(
            "The {agency} {} that Pyongyang is receiving {} in exchange, a claim Moscow has {}.",
            pick(rng, CLAIMS),
            weapon.to_lowercase(),
            ["denied", "not addressed", "called baseless", "declined to confirm"][rng.usize(..4)],
        ),
        2 => format!(
            "Satellite imagery showed containers of {alias} stacked at {} before trains left for {}, officials {}.",
            pick(rng, PLACES),
            pick(rng, PLACES),
            pick(rng, CLAIMS),
        ),
        _ => format!(
            "According to {who}, as many as {} North Korean {} were seen near {} after the meeting in {}.",
            rng.u32(1..120) * 100,
            ["troops", "engineers", "advisers", "workers", "officers"][rng.usize(..5)],
            pick(rng, PLACES),
            pick(rng, PLACES),
        ),
    }
}

fn event(
    out: &mut String,
    rng: &mut fastrand::Rng,
    i: usize,
    count: usize,
    actors: &[&str],
    articles: &[Article],
) {
    let year = 2019 + rng.i32(0..8);
    let month = rng.u32(1..13);
    let day = rng.u32(1..29);
    let date = match rng.usize(..10) {
        0 => format!("{year}"),
        1..=2 => format!("{year}-{month:02}"),
        _ => format!("{year}-{month:02}-{day:02}"),
    };
    let (_, weapon_name, _, aliases) = WEAPONS[rng.usize(..WEAPONS.len())];
    let alias = aliases[rng.usize(..aliases.len())];
    let place = pick(rng, PLACES);
    let title = format!(
        "{} {} {} {alias} to {place} {}",
        ["North Korea", "Pyongyang", "The DPRK", "Kim's government"][rng.usize(..4)],
        pick(rng, VERBS),
        ["more", "new batches of", "thousands of", "a shipment of"][rng.usize(..4)],
        pick(rng, MEANS),
    );
    let summary = format!(
        "{} {} in what officials describe as part of a wider exchange for {} and hard currency. {}",
        sentence(rng),
        [
            "The cargo moved at night",
            "Loading took several days",
            "Crews worked under camouflage",
            "The convoy avoided main roads"
        ][rng.usize(..4)],
        weapon_name.to_lowercase(),
        sentence(rng),
    );
    let _ = writeln!(out, "[[event]]\nid = \"event-{i:07}\"\ndate = \"{date}\"");
    if rng.usize(..5) == 0 && date.len() > 4 {
        let _ = writeln!(out, "until = \"{}\"", year + 1);
    }
    if rng.bool() {
        let _ =
            writeln!(out, "date_basis = \"Inferred from the report's reference to {}.\"", pick(rng, PLACES));
    }
    let _ = writeln!(out, "title = {title:?}\nsummary = {summary:?}");
    let _ = writeln!(out, "kind = {:?}\nstatus = {:?}", pick(rng, KINDS), pick(rng, STATUSES));
    let a = actors[rng.usize(..actors.len())];
    let b = actors[rng.usize(..actors.len())];
    // A list names each actor once; the same draws are made either way, so the data stays the same.
    if ["north-korea", "russia"].contains(&a) {
        let _ = writeln!(out, "actors = [\"north-korea\", \"russia\"]");
    } else {
        let _ = writeln!(out, "actors = [\"north-korea\", \"russia\", {a:?}]");
    }
    let (w, ..) = WEAPONS[rng.usize(..WEAPONS.len())];
    let _ = writeln!(out, "weapons = [{w:?}]");
    if rng.bool() {
        let _ = writeln!(out, "from = \"north-korea\"\nto = \"russia\"");
    }
    let _ = writeln!(out, "claimed_by = [{b:?}]");
    if count > 1 && rng.usize(..10) == 0 {
        // Any other event; never itself.
        let other = (i + 1 + rng.usize(..count - 1)) % count;
        let _ = writeln!(out, "related = [\"event-{other:07}\"]");
    }
    if rng.usize(..3) == 0 {
        // Mostly counts of the event's weapon; some tallies, some shares.
        let (item, unit, amount) = match rng.usize(..10) {
            0 | 1 => (pick(rng, TALLIES), "count", rng.u32(1..2_000) * 10),
            2 => (w, "percent", rng.u32(1..100)),
            _ => (w, "count", rng.u32(1..2_000) * 100),
        };
        let _ = writeln!(
            out,
            "\n[[event.quantities]]\nitem = {item:?}\nunit = {unit:?}\nqualifier = {:?}\namount = {amount}",
            pick(rng, QUALIFIERS)
        );
    }
    let mut cited = None;
    for _ in 0..1 + rng.usize(..2) {
        let article = &articles[(i / EVENTS_PER_SOURCE + rng.usize(..3)) % articles.len()];
        let quote = &article.sentences[rng.usize(..article.sentences.len())];
        // An event cites each passage once.
        if cited.replace((&article.id, quote)) != Some((&article.id, quote)) {
            let _ = writeln!(out, "\n[[event.citations]]\nsource = {:?}\nquote = {quote:?}", article.id);
        }
    }
    out.push('\n');
}
