package io.fasttrack.flow.bench;

import java.util.Locale;

/**
 * The JSON the generator sends: minimal complete requests (SPEC section 9) and architects able to take them.
 * Written as templates rather than through a mapper so that building a body costs next to nothing.
 */
final class Bodies {

    /** The request types the generator can submit, with the architect role that takes them. */
    enum Kind {
        DISCOVERY_WORKSHOP("ALIGNMENT_FTA", 3, """
                {"type":"DISCOVERY_WORKSHOP",\
                "customer":{"tenantId":"%s","name":"Bench Customer %s","segment":"S500"},\
                "region":"EMEA","timeZone":"Europe/Berlin",\
                "requestor":{"name":"Bench Seller","email":"seller@example.com"},\
                "accountTeam":["atu@example.com","csu@example.com"],\
                "workloads":["EXCHANGE","TEAMS"],"getModern":false,"engageBeforeLicensePurchase":false,\
                "attachments":[\
                {"kind":"SOW","name":"sow.pdf","uri":"https://files.example.com/sow.pdf"},\
                {"kind":"STAFFING_PLAN","name":"staffing.xlsx","uri":"https://files.example.com/staffing.xlsx"},\
                {"kind":"COST_BREAKDOWN","name":"cost.xlsx","uri":"https://files.example.com/cost.xlsx"}]}"""),
        LAND_FTC_BENEFIT("FTCHELP", 1, """
                {"type":"LAND_FTC_BENEFIT",\
                "customer":{"tenantId":"%s","name":"Bench Customer %s","segment":"S1500"},\
                "region":"EMEA","timeZone":"Europe/Berlin",\
                "requestor":{"name":"Bench Seller","email":"seller@example.com"},\
                "accountTeam":["atu@example.com","csu@example.com"],\
                "workloads":["EXCHANGE","TEAMS"],"getModern":false,"engageBeforeLicensePurchase":false,\
                "attachments":[\
                {"kind":"CUSTOMER_SUCCESS_PLAN","name":"csp.pdf","uri":"https://files.example.com/csp.pdf"}]}""");

        final String role;
        /** Units of capacity one request takes (assignment-service's default weights, SPEC section 3). */
        final int weight;
        private final String template;

        Kind(String role, int weight, String template) {
            this.role = role;
            this.weight = weight;
            this.template = template;
        }

        String request(String tenantId) {
            return String.format(Locale.ROOT, template, tenantId, tenantId);
        }
    }

    private Bodies() {
    }

    static String architect(String id, String role, int capacity) {
        return String.format(Locale.ROOT, """
                {"id":"%s","name":"Bench Architect %s","role":"%s","region":"EMEA","timeZone":"Europe/Berlin",\
                "capacity":%d,"skills":["EXCHANGE","TEAMS"],"teamManager":"bench-tm-1"}""", id, id, role, capacity);
    }

    /** The {@code id} of a {@code {"id": ..., "status": ...}} answer, without a JSON parser; null if absent. */
    static String idOf(String json) {
        if (json == null) {
            return null;
        }
        int key = json.indexOf("\"id\"");
        if (key < 0) {
            return null;
        }
        int colon = json.indexOf(':', key + 4);
        int open = colon < 0 ? -1 : json.indexOf('"', colon + 1);
        int close = open < 0 ? -1 : json.indexOf('"', open + 1);
        return close < 0 ? null : json.substring(open + 1, close);
    }
}
