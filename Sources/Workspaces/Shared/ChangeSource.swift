import Store

/// Something that can tell the run loop the data changed (another process or this one wrote
/// the file). The app uses the Store's `PRAGMA data_version` watcher; tests may use their own.
public protocol ChangeSource: AnyObject, Sendable {
    func changed() -> Bool
}

extension DataVersionWatcher: ChangeSource {}

/// Rows of the customer list, as the Store reads them.
public typealias CustomerListRow = CustomerRow
public typealias CustomerListSort = CustomerSort
