import Foundation

@main
enum Entrypoint {
    static func main() async {
        if let problem = CommandNames.problem(in: Array(CommandLine.arguments.dropFirst())) {
            Terminal.error(problem)
            exit(64)
        }
        await RareShareCommand.main()
    }
}
