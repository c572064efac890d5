package io.fasttrack.flow.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.fasttrack.flow.system.LocalStack.Service;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console in Debian's Chromium against the real stack (its own: the story starts from an empty queue and roster).
 * A manager signs in from the link the start banner prints, watches a request wait in the queue, registers the
 * architects it needs and reads the decision; that architect signs in and completes the mandatory tasks; usage moves
 * the customer's category on the portfolio and the customer page; a reader sees no forms. Last, with the demo's data,
 * every page is photographed for docs/console.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    /** What the services do after a click or a call takes them a moment (events between services). */
    private static final LocatorAssertions.IsVisibleOptions A_WHILE = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(60_000);

    private static LocalStack stack;
    private static Api api;
    private static ConsoleBrowser browser;

    /** The customer of the story: its request in the first test, its usage in the second. */
    private static final String TENANT_ID = Api.unique("console-customer");

    @BeforeAll
    static void aBrowserOnTheStack() {
        stack = LocalStack.running();
        api = new Api(stack);
        browser = new ConsoleBrowser(stack);
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
    }

    @Test
    @Order(1)
    void aManagerSeesARequestWaitGetAssignedAndWhyAndItsArchitectCompletesTheMandatoryTasks() {
        Page manager = browser.opening(signInLinkOfTheStartBanner());
        assertThat(manager).hasURL(browser.url("/"));
        assertThat(manager.getByTestId("viewer")).hasText("local-manager");

        // the queue page refreshes itself: the request shows up there without a reload
        Page queue = manager.context().newPage();
        queue.navigate(browser.url("/queue"));
        String requestId = api.submit(Api.discoveryWorkshop(TENANT_ID, false)).then().statusCode(202).extract()
                .path("id");
        Locator waiting = queue.locator("tr[data-request-id='" + requestId + "']");
        assertThat(waiting).isVisible(A_WHILE);
        assertThat(waiting).containsText("Alignment FTA");

        String excludedId = Api.unique("gus");
        String architectId = Api.unique("ana");
        manager.navigate(browser.url("/architects"));
        register(manager, excludedId, "Gus Modern", "GET_MODERN_FTA");
        register(manager, architectId, "Ana Alignment", "ALIGNMENT_FTA");

        // with an Alignment architect on the roster the request leaves the queue, still without a reload
        assertThat(waiting).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(60_000));

        manager.navigate(browser.url("/requests/" + requestId));
        assertThat(manager.getByTestId("decision")).containsText(architectId);
        String decidingRule = api.at(Service.ASSIGNMENT).get("/assignments/{id}", requestId).path("decidingRule");
        assertThat(manager.getByTestId("deciding-rule")).hasText(decidingRule);
        Locator excluded = manager.locator("[data-testid=candidates] tr[data-architect-id='" + excludedId + "']");
        assertThat(excluded).containsText("excluded: Role");
        excluded.getByRole(AriaRole.LINK).click();
        assertThat(manager.getByTestId("why-not-reason")).hasText("Role");

        // the architect holding it signs in, adds a status note and completes the mandatory FTOP tasks
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> api.request(requestId).path("engagementId") != null);
        Page architect = browser.signedIn("architect", "--sub", architectId);
        architect.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your engagements")).click();
        Locator engagementLink = architect.locator("[data-testid=engagements] a[href^='/engagements/']");
        assertThat(engagementLink).hasCount(1);
        engagementLink.click();
        assertThat(architect.getByTestId("engagement-status")).hasText("OPEN");
        architect.getByLabel("Status note", new Page.GetByLabelOptions().setExact(true)).fill("Workshop held; pilot plan agreed");
        architect.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the note")).click();
        assertThat(architect.getByTestId("status-notes")).containsText("Workshop held; pilot plan agreed");
        Locator openMandatory = architect.locator("[data-testid=tasks] tr:has(td:text-is('mandatory'))")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete"));
        int mandatoryTasks = openMandatory.count();
        assertThat(mandatoryTasks).isPositive();
        for (int done = 0; done < mandatoryTasks; done++) {
            openMandatory.first().click();
            assertThat(architect.getByTestId("done")).hasText("Task completed.");
        }
        assertThat(openMandatory).hasCount(0);

        manager.navigate(browser.url("/requests/" + requestId));
        assertThat(manager.locator("[data-testid=path] li:has-text('Mandatory tasks done')"))
                .containsText(mandatoryTasks + " of " + mandatoryTasks);
    }

    @Test
    @Order(2)
    void usageThatMovesTheCategoryShowsOnThePortfolioAndTheCustomerPage() {
        LocalDate lastMonth = LocalDate.now().minusMonths(1).withDayOfMonth(1);
        LocalDate monthBefore = lastMonth.minusMonths(1);
        api.at(Service.HEALTH).body("[" + usage(monthBefore, 100) + ", " + usage(lastMonth, 850) + "]").post("/usage")
                .then().statusCode(202);

        // the pages show what health-service has applied: wait for it there, then look
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "HEALTHY".equals(api.at(Service.HEALTH)
                .get("/customers/{tenantId}/health", TENANT_ID).then().extract().path("category")));
        Page manager = browser.signedIn("manager");
        manager.navigate(browser.url("/customers/" + TENANT_ID));
        assertThat(manager.getByTestId("category")).hasText("HEALTHY");
        assertThat(manager.getByTestId("history")).containsText("Low to Healthy");
        assertThat(manager.getByTestId("utilization-chart")).isVisible();

        manager.navigate(browser.url("/portfolio?groupBy=fastTrackManager"));
        Locator healthy = manager.locator("[data-testid=portfolio] td[data-category=HEALTHY]");
        assertThat(healthy).hasText("1");
        assertThat(manager.locator("[data-testid=portfolio] tbody tr")).hasCount(1);
        assertThat(manager.getByTestId("portfolio-chart").locator("svg[role=img] rect.category-healthy")).hasCount(1);
    }

    @Test
    @Order(3)
    void aReaderReadsEveryPageAndIsOfferedNoForm() {
        Page reader = browser.signedIn("reader");
        reader.navigate(browser.url("/engagements"));
        reader.locator("[data-testid=engagements] a[href^='/engagements/']").first().click();
        assertThat(reader.getByTestId("engagement-id")).isVisible();
        assertThat(reader.locator("main form")).hasCount(0);
        assertThat(reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete"))).hasCount(0);

        reader.navigate(browser.url("/architects"));
        assertThat(reader.getByTestId("architects")).isVisible();
        assertThat(reader.locator("main form[method=post]")).hasCount(0);

        // what a reader may not read at all is not offered either, and refused when asked for
        assertThat(reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compliance"))).hasCount(0);
        reader.navigate(browser.url("/compliance"));
        assertThat(reader.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not for your role")))
                .isVisible();
    }

    @Test
    @Order(4)
    void withoutSignInEveryPageSaysHowToSignIn() {
        Page stranger = browser.opening(browser.url("/queue"));
        assertThat(stranger.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(stranger.locator("main")).containsText("deploy/local/console-link manager");
    }

    /** Every page on a stack the demo filled, into console-tests.screenshots (docs/console holds the committed ones). */
    @Test
    @Order(5)
    void everyPageOnTheDemoData() throws Exception {
        stack.demo();
        Path shots = Files.createDirectories(Path.of(System.getProperty("console-tests.screenshots",
                "target/console-screenshots")));
        Page manager = browser.signedIn("manager");
        for (String page : List.of("overview:/", "queue:/queue", "architects:/architects", "engagements:/engagements",
                "compliance:/compliance", "portfolio:/portfolio?groupBy=region", "alerts:/alerts")) {
            String[] nameAndPath = page.split(":", 2);
            manager.navigate(browser.url(nameAndPath[1]));
            assertThat(manager.locator("main h1")).isVisible();
            manager.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(nameAndPath[0] + ".png"))
                    .setFullPage(true));
        }
        manager.navigate(browser.url("/engagements"));
        // an open one, which shows the forms of the work
        String engagementPath = manager.locator("[data-testid=engagements] tr:has(td:text-is('Open')) "
                + "a[href^='/engagements/']").first().getAttribute("href");
        manager.navigate(browser.url(engagementPath));
        manager.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("engagement.png")).setFullPage(true));
        String requestPath = manager.locator("a[href^='/requests/']").first().getAttribute("href");
        manager.navigate(browser.url(requestPath));
        manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^why not "))).first()
                .click();
        assertThat(manager.getByTestId("why-not")).isVisible();
        manager.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("request.png")).setFullPage(true));
        manager.navigate(browser.url("/customers/contoso-1000"));
        assertThat(manager.getByTestId("utilization-chart")).isVisible();
        manager.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("customer.png")).setFullPage(true));
        // what if the workshop weighed 2: the demo's own history decided again, side by side with the record
        manager.navigate(browser.url("/simulations"));
        manager.getByLabel("Weight of Discovery workshop").fill("2");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simulate")).click();
        assertThat(manager.getByTestId("simulation")).isVisible();
        assertThat(manager.getByTestId("differing-count")).containsText("of the window's requests");
        manager.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("simulation.png")).setFullPage(true));
        try (var taken = Files.list(shots)) {
            assertThat(taken.filter(file -> file.toString().endsWith(".png")).count()).isEqualTo(11);
        }
    }

    private String signInLinkOfTheStartBanner() {
        Matcher link = Pattern.compile("(http://\\S+/sign-in\\?token=\\S+)").matcher(stack.startBanner());
        assertThat(link.find()).as("the start banner prints a sign-in link:%n%s", stack.startBanner()).isTrue();
        return link.group(1);
    }

    /** Fills the registration form by its labels and sends it with the Enter key. */
    private static void register(Page manager, String id, String name, String role) {
        manager.getByLabel("Id", new Page.GetByLabelOptions().setExact(true)).fill(id);
        manager.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        manager.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).last().selectOption(role);
        manager.getByLabel("Region").selectOption("EMEA");
        manager.getByLabel("Time zone").fill("Europe/Berlin");
        manager.getByLabel("Team manager").fill("tm-console");
        manager.getByLabel("Windows").check();
        manager.getByLabel("Intune").check();
        manager.getByLabel("Capacity (weight units)").fill("10");
        manager.getByLabel("Capacity (weight units)").press("Enter");
        assertThat(manager.getByRole(AriaRole.STATUS)).containsText("Registered " + id);
    }

    private String usage(LocalDate asOf, int activeUsers) {
        return """
                {"tenantId": "%s", "workload": "WINDOWS", "licensed": 1000, "active": %d, "asOf": "%s"}"""
                .formatted(TENANT_ID, activeUsers, asOf);
    }
}
