"""User errors of campaign mutations, in English and Vietnamese."""

from __future__ import annotations

from typing import Any

from models.names import check_display_name
from models.problems import Problem


def check_name(name: str, field: str = "input.name") -> tuple[str, list[Problem]]:
    return check_display_name(name, field, "campaign", "chiến dịch")


def already_run(campaign: dict[str, Any]) -> Problem:
    campaign_id = str(campaign["_id"])
    status = campaign["status"]
    return Problem(
        "id",
        "ALREADY_RUN",
        f"Campaign {campaign_id} has already run (status {status}); a campaign runs once, so its "
        "audience never changes. Create a new campaign to reach the segment again.",
        f"Chiến dịch {campaign_id} đã chạy (trạng thái {status}); mỗi chiến dịch chỉ chạy một lần "
        "để danh sách người nhận không bao giờ thay đổi. "
        "Hãy tạo chiến dịch mới để gửi lại cho phân khúc.",
    )


def segment_deleted(campaign: dict[str, Any]) -> Problem:
    name = campaign["segmentName"]
    segment_id = campaign["segmentId"]
    return Problem(
        "id",
        "NOT_FOUND",
        f"The segment {name!r} (id {segment_id}) of this campaign was deleted, so the campaign "
        "cannot run; create a campaign on another segment.",
        f"Phân khúc {name!r} (mã {segment_id}) của chiến dịch này đã bị xóa nên chiến dịch không "
        "thể chạy; hãy tạo chiến dịch với phân khúc khác.",
    )


def invalid_rule(problem: Problem) -> Problem:
    """Wrap a problem of the segment's stored rule, which the caller cannot fix in this call."""
    return Problem(
        "id",
        problem.code,
        f"The campaign's segment cannot be evaluated: {problem.en} "
        "Fix the segment, then run again.",
        f"Không thể tính phân khúc của chiến dịch: {problem.vi} Hãy sửa phân khúc rồi chạy lại.",
    )


def run_failed(written: int, request_id: str) -> Problem:
    return Problem(
        "id",
        "RUN_FAILED",
        f"The run failed after writing {written} recipients, which are discarded; the campaign is "
        f"FAILED and may be run again. The server log has the cause under request id {request_id}.",
        f"Lần chạy bị lỗi sau khi ghi {written} người nhận, các bản ghi này bị hủy; chiến dịch ở "
        f"trạng thái FAILED và có thể chạy lại. Nhật ký máy chủ ghi nguyên nhân theo mã yêu cầu "
        f"{request_id}.",
    )
