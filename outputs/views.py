"""Views for the common questions, created in planscan.duckdb next to the tables."""

VIEWS: dict[str, str] = {
    "v_flags": """
        create view v_flags as
        select f.rule, f.severity, d.title, d.path, f.message, f.evidence,
               r.title as related_title, r.path as related_path, f.doc_id, f.related_doc_id, f.flag_id
        from flags f join documents d using (doc_id)
        left join documents r on r.doc_id = f.related_doc_id
        order by case f.severity when 'error' then 0 when 'warning' then 1 else 2 end, d.path, f.rule""",
    # Prose usually restates a budget table's rows: where a document has budget tables, its cost
    # and funding sums come from the tables alone; stated totals and frames from anywhere.
    "v_budget_check": """
        create view v_budget_check as
        with b as (select *, bool_or(in_table) over (partition by doc_id) as has_tables from budget_lines)
        select d.doc_id, d.title, d.path, b.period,
               sum(b.amount_nok) filter (where b.kind = 'cost' and not b.is_subtotal
                                         and (b.in_table or not b.has_tables)) as cost_lines,
               sum(b.amount_nok) filter (where b.kind = 'funding' and not b.is_subtotal
                                         and (b.in_table or not b.has_tables)) as funding_lines,
               max(b.amount_nok) filter (where b.kind = 'total') as stated_total,
               max(b.amount_nok) filter (where b.kind = 'frame') as frame
        from b join documents d using (doc_id)
        group by all
        having coalesce(cost_lines, funding_lines, stated_total, frame) is not null
        order by d.path, b.period""",
    "v_timeline": """
        create view v_timeline as
        select m.due_date, m.due_text, m.description, m.status, d.title, d.path, m.page, m.doc_id
        from milestones m join documents d using (doc_id)
        where m.due_date is not null
        order by m.due_date, d.path""",
    "v_decisions": """
        create view v_decisions as
        select x.body, x.decision_date, x.case_number, x.kind, x.text, x.vote, d.title, d.path, x.page, x.doc_id
        from decisions x join documents d using (doc_id)
        order by x.body nulls last, x.decision_date nulls last""",
    "v_people": """
        create view v_people as
        select trim(r.person) as person, string_agg(distinct trim(r.role), '; ') as roles,
               string_agg(distinct trim(r.organisation), '; ') as organisations,
               count(distinct r.doc_id) as documents, string_agg(distinct d.path, '; ') as paths
        from roles r join documents d using (doc_id)
        group by trim(r.person) order by documents desc, person""",
    "v_documents": """
        create view v_documents as
        select d.doc_id, d.title, d.path, d.doc_type, d.doc_date, d.status, d.error, d.pages,
               (select count(*) from flags f where f.doc_id = d.doc_id) as flags,
               (select count(*) from budget_lines b where b.doc_id = d.doc_id) as budget_lines,
               (select count(*) from milestones m where m.doc_id = d.doc_id) as milestones,
               (select count(*) from decisions x where x.doc_id = d.doc_id) as decisions,
               (select count(*) from roles r where r.doc_id = d.doc_id) as roles
        from documents d order by d.status <> 'ok', d.path""",
}
