import Foundation

/// The machine's IPv4 addresses (loopback last), for `serve --bind 0.0.0.0`'s message.
enum MachineAddresses {
    static func ipv4() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let first else { return ["127.0.0.1"] }
        defer { freeifaddrs(first) }
        var found: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0,
                              NI_NUMERICHOST) == 0 else { continue }
            found.append(String(cString: host))
        }
        let loopback = found.filter { $0.hasPrefix("127.") }
        return Array(Set(found)).filter { !$0.hasPrefix("127.") }.sorted() + loopback
    }
}
