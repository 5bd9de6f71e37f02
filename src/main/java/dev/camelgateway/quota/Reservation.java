package dev.camelgateway.quota;

import java.util.List;

/** A request admitted against the limits of its scopes: what it holds until it ends, and the rate status it got. */
public record Reservation(String id, List<QuotaStore.Scope> scopes, Admission.RateStatus status) {
}
