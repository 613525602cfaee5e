fn main() -> std::process::ExitCode {
    convene_server::cli::main()
}
