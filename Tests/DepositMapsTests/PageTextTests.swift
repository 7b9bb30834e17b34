@testable import DepositMaps
import DepositAnswers
import XCTest

final class PageTextTests: XCTestCase {
    /// A name holding `</script>` cannot end the data element early, and JSON.parse reads it back.
    func testJSONInAScriptElementCannotCloseIt() {
        let json = #"{"name":"a</script><script>alert(1)</script>"}"#
        let inside = PageText.json(json)
        XCTAssertFalse(inside.contains("</"))
        XCTAssertEqual(inside, #"{"name":"a\u003c/script>\u003cscript>alert(1)\u003c/script>"}"#)
    }

    func testHTMLTextIsEscaped() {
        XCTAssertEqual(PageText.html(#"<b a="1">&'"#), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;")
    }

    /// Without Debian's libjs-leaflet the page is refused in one line naming the package (65).
    func testMissingLeafletNamesThePackage() {
        XCTAssertThrowsError(try Leaflet.load(from: "/nonexistent/leaflet")) { error in
            let e = AnswerError(error)
            XCTAssertEqual(e.status, .badData)
            XCTAssertTrue(e.message.contains("libjs-leaflet"), e.message)
            XCTAssertFalse(e.message.contains("\n"))
        }
    }
}
