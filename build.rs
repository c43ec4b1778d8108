//! The bundled dataset is embedded with include_dir; rebuild when any of its files changes,
//! including files added to or removed from these folders.
fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=seeds");
}
