package io.waymark.engine.model;

import io.waymark.engine.finding.Location;

/** A value that passed the schema but cannot be used (an impossible date). */
public record ModelProblem(Location location, String message, String hint) {}
