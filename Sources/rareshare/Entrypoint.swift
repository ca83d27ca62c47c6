@main
enum Entrypoint {
    static func main() async {
        await RareShareCommand.main()
    }
}
