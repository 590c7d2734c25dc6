package io.glaux.aws.protocol;

/**
 * One operation of a query-protocol service: its members and the caller in, the content of its
 * {@code <ActionResult>} out (null for an operation whose answer has no result, such as IAM's DeleteUser).
 */
@FunctionalInterface
public interface QueryOperation {
    XmlAnswer handle(QueryInput request, RequestContext context) throws Exception;
}
