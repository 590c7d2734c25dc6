package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.user.GroupService;
import io.glaux.quicksight.user.QuickSightGroup;
import io.glaux.quicksight.user.QuickSightUser;
import io.glaux.quicksight.user.Registration;
import io.glaux.quicksight.user.UserService;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * RegisterUser, DescribeUser, ListUsers, UpdateUser, DeleteUser, DeleteUserByPrincipalId and ListUserGroups
 * ({@code /accounts/{AwsAccountId}/namespaces/{Namespace}/users...}), in the {@code default} namespace. Users of
 * IdentityType IAM_IDENTITY_CENTER and external login federation are not served; a QuickSight-managed user gets no
 * UserInvitationUrl, as Glaux has no sign-up page.
 */
final class UserOperations {

    private static final String PATH = "/accounts/{AwsAccountId}/namespaces/{Namespace}/users";
    private static final String ONE = PATH + "/{UserName}";
    private static final List<String> IDENTITY_TYPES = List.of("IAM", "QUICKSIGHT", "IAM_IDENTITY_CENTER");
    /** The model's UserRole values; the RESTRICTED_ ones QuickSight documents as not available. */
    private static final List<String> ROLES = List.of("ADMIN", "AUTHOR", "READER", "RESTRICTED_AUTHOR",
            "RESTRICTED_READER", "ADMIN_PRO", "AUTHOR_PRO", "READER_PRO");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=.@-]*");
    private static final Pattern PERMISSIONS_NAME = Pattern.compile("^[a-zA-Z0-9+=,.@_-]+$");
    private static final List<String> EXTERNAL_LOGIN = List.of("ExternalLoginFederationProviderType",
            "CustomFederationProviderUrl", "ExternalLoginId");

    private final UserService users;
    private final GroupService groups;

    UserOperations(UserService users, GroupService groups) {
        this.users = users;
        this.groups = groups;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("RegisterUser", "POST", PATH, this::register),
                RestRoute.of("ListUsers", "GET", PATH, this::list),
                RestRoute.of("DescribeUser", "GET", ONE, this::describe),
                RestRoute.of("UpdateUser", "PUT", ONE, this::update),
                RestRoute.of("DeleteUser", "DELETE", ONE, this::delete),
                RestRoute.of("DeleteUserByPrincipalId", "DELETE",
                        "/accounts/{AwsAccountId}/namespaces/{Namespace}/user-principals/{PrincipalId}",
                        this::deleteByPrincipalId),
                RestRoute.of("ListUserGroups", "GET", ONE + "/groups", this::userGroups));
    }

    private RestResponse register(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        JsonInput body = request.body();
        String identityType = QuickSightInput.requiredEnum(body, "IdentityType", IDENTITY_TYPES);
        String email = body.requiredString("Email", 0, Integer.MAX_VALUE);
        String role = role(body, "UserRole");
        refuseExternalLogin(body);
        Registration registration = new Registration(identityType, email, role, body.string("IamArn", 0,
                Integer.MAX_VALUE), body.string("SessionName", 2, 64, SESSION_NAME),
                body.string("UserName", 1, Integer.MAX_VALUE, UserJson.NAME),
                body.string("CustomPermissionsName", 1, 64, PERMISSIONS_NAME), QuickSightInput.tags(body, "Tags"));
        QuickSightUser user = users.register(new QuickSightArns(context.region(), account), registration);
        ObjectNode response = AwsJson.object();
        response.set("User", UserJson.user(user));
        return new RestResponse(201, response);
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        ObjectNode response = AwsJson.object();
        response.set("User", UserJson.user(users.get(UserJson.name(request, "UserName"))));
        return RestResponse.ok(response);
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        return RestResponse.ok(page(request, users.list(), "UserList", UserJson::user));
    }

    private RestResponse update(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        String name = UserJson.name(request, "UserName");
        JsonInput body = request.body();
        String email = body.requiredString("Email", 0, Integer.MAX_VALUE);
        String role = role(body, "Role");
        refuseExternalLogin(body);
        String permissions = body.string("CustomPermissionsName", 1, 64, PERMISSIONS_NAME);
        Boolean unapply = body.bool("UnapplyCustomPermissions");
        if (permissions != null && Boolean.TRUE.equals(unapply)) {
            throw QuickSightErrors.invalidParameter("CustomPermissionsName and UnapplyCustomPermissions cannot both"
                    + " be given.");
        }
        QuickSightUser current = users.get(name);
        String newPermissions = Boolean.TRUE.equals(unapply) ? null
                : permissions != null ? permissions : current.customPermissionsName();
        ObjectNode response = AwsJson.object();
        response.set("User", UserJson.user(users.update(name, email, role, newPermissions)));
        return RestResponse.ok(response);
    }

    private RestResponse delete(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        users.delete(UserJson.name(request, "UserName"));
        return RestResponse.ok(AwsJson.object());
    }

    private RestResponse deleteByPrincipalId(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        users.deleteByPrincipalId(request.label("PrincipalId", 1, Integer.MAX_VALUE, null));
        return RestResponse.ok(AwsJson.object());
    }

    private RestResponse userGroups(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        List<QuickSightGroup> list = groups.groupsOf(UserJson.name(request, "UserName"));
        return RestResponse.ok(page(request, list, "GroupList", UserJson::group));
    }

    /** One page of {@code items} under {@code member}, by {@code next-token} and {@code max-results} (1 to 100). */
    static <T> ObjectNode page(RestRequest request, List<T> items, String member, Function<T, ObjectNode> json) {
        Integer max = request.queryInteger("max-results", 1, 100);
        ListPage<T> page = ListPage.of(items, request.queryParameter("next-token"), max == null ? 100 : max,
                AnalysisOperations.LIST_ERRORS);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray(member);
        page.items().forEach(item -> list.add(json.apply(item)));
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    /** A UserRole: one of the model's values, and not one QuickSight documents as unavailable. */
    private static String role(JsonInput body, String member) {
        String role = QuickSightInput.requiredEnum(body, member, ROLES);
        if (role.startsWith("RESTRICTED_")) {
            throw QuickSightErrors.invalidParameter("The user role " + role + " is not available.");
        }
        return role;
    }

    private static void refuseExternalLogin(JsonInput body) {
        for (String member : EXTERNAL_LOGIN) {
            if (body.has(member)) {
                throw QuickSightErrors.invalidParameter("External login federation is not served by Glaux: "
                        + member + " cannot be given.");
            }
        }
    }
}
