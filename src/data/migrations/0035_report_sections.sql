-- The review report as officers write it: "Đặc điểm tình hình", "Công tác lãnh đạo, chỉ đạo" and
-- "Kiến nghị, đề xuất" beside the sections already kept (all optional, the officer's own text).
alter table review_report add column situation text;
alter table review_report add column leadership text;
alter table review_report add column recommendations text;

-- The list of nominees of a round's public notice, printed as a paper like the others.
alter table paper drop constraint paper_kind_check;
alter table paper add constraint paper_kind_check
  check (kind in ('registration_form', 'minutes', 'decision', 'proposal', 'certificate', 'nominees'));
