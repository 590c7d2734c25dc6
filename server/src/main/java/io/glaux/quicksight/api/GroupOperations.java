package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.user.GroupService;

import java.util.List;

/**
 * CreateGroup, DescribeGroup, ListGroups, UpdateGroup, DeleteGroup, CreateGroupMembership, DescribeGroupMembership,
 * DeleteGroupMembership and ListGroupMemberships ({@code /accounts/{AwsAccountId}/namespaces/{Namespace}/groups...}),
 * in the {@code default} namespace.
 */
final class GroupOperations {

    private static final String PATH = "/accounts/{AwsAccountId}/namespaces/{Namespace}/groups";
    private static final String ONE = PATH + "/{GroupName}";
    private static final String MEMBERS = ONE + "/members";
    private static final String MEMBER = MEMBERS + "/{MemberName}";

    private final GroupService groups;

    GroupOperations(GroupService groups) {
        this.groups = groups;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("CreateGroup", "POST", PATH, this::create),
                RestRoute.of("ListGroups", "GET", PATH, this::list),
                RestRoute.of("DescribeGroup", "GET", ONE, this::describe),
                RestRoute.of("UpdateGroup", "PUT", ONE, this::update),
                RestRoute.of("DeleteGroup", "DELETE", ONE, this::delete),
                RestRoute.of("ListGroupMemberships", "GET", MEMBERS, this::members),
                RestRoute.of("CreateGroupMembership", "PUT", MEMBER, this::addMember),
                RestRoute.of("DescribeGroupMembership", "GET", MEMBER, this::describeMember),
                RestRoute.of("DeleteGroupMembership", "DELETE", MEMBER, this::removeMember));
    }

    private RestResponse create(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        JsonInput body = request.body();
        String name = UserJson.requiredName(body, "GroupName");
        String description = body.string("Description", 1, 512);
        ObjectNode response = AwsJson.object();
        response.set("Group", UserJson.group(groups.create(new QuickSightArns(context.region(), account), name,
                description)));
        return new RestResponse(201, response);
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        String name = group(request, context);
        ObjectNode response = AwsJson.object();
        response.set("Group", UserJson.group(groups.get(name)));
        return RestResponse.ok(response);
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        return RestResponse.ok(UserOperations.page(request, groups.list(), "GroupList", UserJson::group));
    }

    private RestResponse update(RestRequest request, RequestContext context) {
        String name = group(request, context);
        String description = request.body().string("Description", 1, 512);
        ObjectNode response = AwsJson.object();
        response.set("Group", UserJson.group(groups.update(name, description)));
        return RestResponse.ok(response);
    }

    private RestResponse delete(RestRequest request, RequestContext context) {
        groups.delete(group(request, context));
        return RestResponse.ok(AwsJson.object());
    }

    private RestResponse members(RestRequest request, RequestContext context) {
        String name = group(request, context);
        return RestResponse.ok(UserOperations.page(request, groups.members(name), "GroupMemberList",
                UserJson::member));
    }

    private RestResponse addMember(RestRequest request, RequestContext context) {
        String name = group(request, context);
        ObjectNode response = AwsJson.object();
        response.set("GroupMember", UserJson.member(groups.addMember(name, member(request))));
        return RestResponse.ok(response);
    }

    private RestResponse describeMember(RestRequest request, RequestContext context) {
        String name = group(request, context);
        ObjectNode response = AwsJson.object();
        response.set("GroupMember", UserJson.member(groups.member(name, member(request))));
        return RestResponse.ok(response);
    }

    private RestResponse removeMember(RestRequest request, RequestContext context) {
        String name = group(request, context);
        groups.removeMember(name, member(request));
        return RestResponse.ok(AwsJson.object());
    }

    /** The account, the namespace and the GroupName label of a call on one group. */
    private static String group(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        UserJson.namespace(request, context);
        return UserJson.name(request, "GroupName");
    }

    private static String member(RestRequest request) {
        return request.label("MemberName", 1, 256, UserJson.NAME);
    }
}
