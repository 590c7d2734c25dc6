package io.glaux.kms;

/** Who manages a key: the account ({@code CUSTOMER}, CreateKey) or an AWS service ({@code AWS}, {@code alias/aws/*}). */
public enum KeyManager {
    CUSTOMER,
    AWS
}
