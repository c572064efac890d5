package io.fasttrack.flow.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A real Chromium, Debian's ({@code console-tests.chromium}, {@code /usr/bin/chromium} by default), driven by Playwright:
 * Playwright's own browser download is skipped. Each sign-in gets a context of its own, as a separate person's
 * browser would: its own cookies, so a manager and an architect can be signed in side by side.
 */
final class ConsoleBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final LocalStack stack;

    ConsoleBrowser(LocalStack stack) {
        this.stack = stack;
        Path chromium = Path.of(System.getProperty("console-tests.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("no Chromium at " + chromium + ": apt-get install -y chromium "
                    + "(or -Dconsole-tests.chromium=<path>)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true));
    }

    /**
     * A fresh browser window signed in by opening the link {@code deploy/local/console-link} prints for these roles,
     * as a newcomer opens the one {@code deploy/local/start} prints.
     */
    Page signedIn(String... rolesAndOptions) {
        return opening(stack.consoleLink(rolesAndOptions));
    }

    /** A fresh browser window (no cookies) that opens the given address. */
    Page opening(String url) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.navigate(url);
        return page;
    }

    /** The console address of a page, as a link in it would point. */
    String url(String path) {
        return stack.consoleUrl() + path;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
