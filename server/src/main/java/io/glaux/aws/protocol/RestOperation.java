package io.glaux.aws.protocol;

/** One operation of a REST-JSON service. */
@FunctionalInterface
public interface RestOperation {
    RestResponse handle(RestRequest request, RequestContext context) throws Exception;
}
