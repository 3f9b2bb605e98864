import NIOCore

/// The machine's IPv4 addresses (loopback last), for `serve --bind 0.0.0.0`'s message.
enum MachineAddresses {
    static func ipv4() -> [String] {
        let devices = (try? System.enumerateDevices()) ?? []
        let found = Set(devices.compactMap { device -> String? in
            guard case .v4 = device.address, let ip = device.address?.ipAddress else { return nil }
            return ip
        })
        let loopback = found.filter { $0.hasPrefix("127.") }.sorted()
        let others = found.filter { !$0.hasPrefix("127.") }.sorted()
        return others + (loopback.isEmpty ? ["127.0.0.1"] : loopback)
    }
}
