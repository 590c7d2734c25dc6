package io.glaux.workgroup;

/** Athena's WorkGroupState. */
public enum WorkgroupState { ENABLED, DISABLED }
