/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import dev.scalinglaws.cli.FitJob;

/**
 * {@code scaling fit --by COLUMN --format json} on Spark: each group's rows are fitted inside one task, on one
 * thread, by exactly the code the command runs ({@link FitJob}), so every JSON line equals the command's line for that
 * group except {@code data.source} and the timings. A group that cannot be fitted gets the line
 * {@code {"group", "groupColumn", "status": "ERROR", "message"}} instead of failing the job.
 */
public final class CommandFits {

    private CommandFits() {
    }

    /**
     * Fits every group.
     *
     * @param data the input rows, columns named as in the file (numbers as numbers or as text)
     * @param job  the fit arguments; its {@code --by} column defines the groups
     * @return rows {@code (group string, json string)}, one per group, in order of first appearance
     */
    public static Dataset<Row> fit(Dataset<Row> data, FitJob job) {
        String header = job.byHeader();
        StructType out = new StructType().add("group", DataTypes.StringType, true)
                .add("json", DataTypes.StringType, false);
        return GroupFits.perGroup(data, List.of(header), out, (names, group) -> {
            StringWriter warnings = new StringWriter();
            String label = group.keys().get(0) == null ? "" : group.keys().get(0).toString();
            String json;
            try {
                json = job.jsonLines(job.rows(names, group.cells(), group.rowNumbers()), new PrintWriter(warnings));
            } catch (RuntimeException e) {
                if (!FitJob.isBadInput(e)) {
                    throw e;
                }
                json = job.errorLine(label, FitJob.message(e));
            }
            List<Object> values = new ArrayList<>();
            values.add(label);
            values.add(json);
            return values;
        });
    }
}
