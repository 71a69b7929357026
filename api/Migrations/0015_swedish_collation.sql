-- Names sort as a Swedish reader expects, whatever the database's default collation: Å, Ä and Ö after Z
-- (Aspudden, Västberga, Älvsjö, Örby slott), not with A and O. Set on the columns, so that every order by and
-- comparison of a name is Swedish without each query having to say so.
create collation if not exists sv_se (provider = icu, locale = 'sv-SE');

alter table area alter column name type text collate sv_se;
alter table actor alter column organisation type text collate sv_se;
alter table observation_category alter column name_sv type text collate sv_se;
alter table event alter column title type text collate sv_se;
alter table measure alter column title type text collate sv_se;
